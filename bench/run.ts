import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatColdOpen, runColdOpen } from './coldOpen';
import { combineRounds, runFanout, type FanoutConfig, type FanoutRound } from './fanout';
import { combineTwoInstances, formatTwoInstances, runFanoutTwoInstances, startTwoInstances, type TwoInstances, type TwoInstancesResult, type TwoInstancesRound } from './fanoutTwoInstances';
import { formatHistoryScale, runHistoryScale } from './historyScale';
import { runMemory } from './memory';
import { topSelfTime, type CpuProfile } from './profile';
import { formatReport, writeJson, type BenchResults } from './report';
import { runRooms, type RoomsConfig } from './rooms';
import type { ServerName, ServerProcess } from './servers';
import { startTarget, type Target } from './targets';

const SCENARIOS = ['fanout', 'memory', 'rooms', 'twoinstances', 'cold', 'history'] as const;
type Scenario = (typeof SCENARIOS)[number];

/**
 * `npm run bench -- [--profile] [--only fanout,rooms,twoinstances] [--rounds 3] [--seconds 10]`:
 * --profile CPU-profiles our server in every measured window; --only picks scenarios;
 * --rounds and --seconds shorten a run to check that it works (the targets need the defaults).
 */
const { values: args } = parseArgs({
  options: {
    profile: { type: 'boolean', default: false },
    only: { type: 'string', default: SCENARIOS.join(',') },
    rounds: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '10' },
  },
});
const PROFILE = args.profile;
const ONLY = new Set(args.only.split(',').map((name) => name.trim()));
const unknown = [...ONLY].filter((name) => !SCENARIOS.includes(name as Scenario));
if (unknown.length > 0) throw new Error(`unknown scenario ${unknown.join(', ')}; known: ${SCENARIOS.join(', ')}`);
const runs = (scenario: Scenario) => ONLY.has(scenario);
/** Rounds per fan-out size and of the cold open, each on fresh servers, alternating which server goes first. */
const ROUNDS = Number(args.rounds);
const DURATION_MS = Number(args.seconds) * 1000;

/** Issue 13: 4 writers on their own clocks, 100 updates/s in all. */
const FANOUT: Omit<FanoutConfig, 'clients'> = { writers: 4, ratePerSecond: 25, durationMs: DURATION_MS, drainTimeoutMs: 5_000 };
const FANOUT_CLIENTS = [20, 100];
/** Issue 13: the same fan-out across two instances through Redis. */
const TWO_INSTANCES: FanoutConfig = { ...FANOUT, clients: 100 };
const DOCUMENTS = 500;
/** Issue 13: 1,000 clients over 50 drafts, one in five typing (at about a keystroke every half second). */
const ROOMS: RoomsConfig = { drafts: 50, clientsPerDraft: 20, writersPerDraft: 4, ratePerSecond: 2, durationMs: DURATION_MS, drainTimeoutMs: 5_000 };
/** Issue 13's cold open: a draft with 50,000 logged updates. */
const COLD_UPDATES = 50_000;
/** Issue 5's scale case for version history. */
const HISTORY = { updates: 50_000, versions: 200 };
const TOP_FUNCTIONS = 15;

const RESULTS_DIR = path.join(__dirname, 'results');
const PROFILE_DIR = path.join(RESULTS_DIR, 'profiles');

/**
 * Every measurement runs on a fresh server, and only one server runs at a time so the two
 * never compete for the CPU. The load generator is this process (see README.md).
 */
async function main(): Promise<void> {
  const loadAverage = os.loadavg()[0];
  const profiles: BenchResults['profiles'] = {};
  const keepProfile = (label: string, profile: CpuProfile | null) => {
    if (!profile) return;
    profiles[label] = topSelfTime(profile, TOP_FUNCTIONS);
    fs.mkdirSync(PROFILE_DIR, { recursive: true });
    fs.writeFileSync(path.join(PROFILE_DIR, `${label.replace(/\W+/g, '-')}.cpuprofile`), JSON.stringify(profile));
  };

  const fanout: BenchResults['fanout'] = [];
  for (const clients of runs('fanout') ? FANOUT_CLIENTS : []) {
    const rounds: Record<ServerName, FanoutRound[]> = { reference: [], ours: [] };
    for (let round = 0; round < ROUNDS; round++) {
      const order: ServerName[] = round % 2 === 0 ? ['reference', 'ours'] : ['ours', 'reference'];
      for (const name of order) {
        const label = `fan-out ${clients} clients, round ${round + 1}`;
        rounds[name].push(await measure(label, name, (target) => runFanout(target, { ...FANOUT, clients })));
      }
    }
    keepProfile(`fan-out ${clients} clients`, rounds.ours[0].profile);
    fanout.push({ clients, reference: combineRounds(clients, rounds.reference), ours: combineRounds(clients, rounds.ours) });
  }

  let memory: BenchResults['memory'] = null;
  if (runs('memory')) {
    const label = `${DOCUMENTS} open documents`;
    const reference = await measure(label, 'reference', (t) => runMemory(t, DOCUMENTS));
    const ours = await measure(label, 'ours', (t) => runMemory(t, DOCUMENTS));
    const oursAsBrowser = await measure(`${label}, read first as the browser does`, 'ours', (t) => runMemory(t, DOCUMENTS, { asBrowser: true }));
    keepProfile(label, ours.profile);
    memory = { reference: reference.result, ours: ours.result, oursAsBrowser: oursAsBrowser.result };
  }

  let rooms: BenchResults['rooms'] = null;
  if (runs('rooms')) {
    const label = `rooms, ${ROOMS.drafts * ROOMS.clientsPerDraft} clients`;
    const reference = await measure(label, 'reference', (t) => runRooms(t, ROOMS));
    const ours = await measure(label, 'ours', (t) => runRooms(t, ROOMS));
    keepProfile(label, ours.profile);
    rooms = { config: ROOMS, reference: reference.result, ours: ours.result };
  }

  let twoInstances: TwoInstancesResult | null = null;
  if (runs('twoinstances')) {
    const single: FanoutRound[] = [];
    const pairs: TwoInstancesRound[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const label = `two instances, ${TWO_INSTANCES.clients} clients, round ${round + 1}`;
      const one = async () => single.push(await measure(label, 'ours', (target) => runFanout(target, TWO_INSTANCES)));
      const two = async () => pairs.push(await measureTwoInstances(label, (pair) => runFanoutTwoInstances(pair, TWO_INSTANCES)));
      for (const step of round % 2 === 0 ? [one, two] : [two, one]) await step();
    }
    keepProfile('two instances, A', pairs[0].a.profile);
    keepProfile('two instances, B', pairs[0].b.profile);
    twoInstances = combineTwoInstances(TWO_INSTANCES, single, pairs);
  }

  const cpus = os.cpus();
  const results: BenchResults = {
    startedAt: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus.length, cpuModel: cpus[0]?.model ?? '', totalMemoryBytes: os.totalmem(), loadAverage },
    profiled: PROFILE,
    fanoutConfig: { ...FANOUT, rounds: ROUNDS },
    fanout,
    memory,
    rooms,
    profiles,
  };
  const file = path.join(RESULTS_DIR, 'latest.json');
  writeJson(results, file);
  process.stdout.write(`\n${formatReport(results)}\n\nWritten to ${path.relative(process.cwd(), file)}\n`);

  if (twoInstances) {
    const twoInstancesFile = path.join(RESULTS_DIR, 'two-instances.json');
    fs.writeFileSync(twoInstancesFile, JSON.stringify(twoInstances, null, 2));
    process.stdout.write(`\n${formatTwoInstances(twoInstances)}\n\nWritten to ${path.relative(process.cwd(), twoInstancesFile)}\n`);
  }

  if (runs('cold')) {
    process.stderr.write(`cold open: ${COLD_UPDATES} updates...\n`);
    const cold = await runColdOpen(COLD_UPDATES, ROUNDS);
    const coldFile = path.join(RESULTS_DIR, 'cold-open.json');
    fs.writeFileSync(coldFile, JSON.stringify(cold, null, 2));
    process.stdout.write(`\n${formatColdOpen(cold)}\n\nWritten to ${path.relative(process.cwd(), coldFile)}\n`);
  }

  if (runs('history')) {
    process.stderr.write(`history at scale: ${HISTORY.updates} updates, ${HISTORY.versions} versions...\n`);
    const history = await runHistoryScale(HISTORY);
    const historyFile = path.join(RESULTS_DIR, 'history.json');
    fs.writeFileSync(historyFile, JSON.stringify(history, null, 2));
    process.stdout.write(`\n${formatHistoryScale(history)}\n\nWritten to ${path.relative(process.cwd(), historyFile)}\n`);
  }
}

/** Runs one measurement on a fresh server of that kind and stops it, whatever happens. */
async function measure<T>(label: string, name: ServerName, run: (target: Target) => Promise<T>): Promise<T> {
  process.stderr.write(`${label}: ${name}...\n`);
  const target = await startTarget(name, PROFILE && name === 'ours');
  try {
    return await run(target);
  } finally {
    await target.server.stop();
    repeatLog(target.server);
  }
}

/** As measure(), on two fresh instances of ours sharing a store and a fresh redis-server. */
async function measureTwoInstances<T>(label: string, run: (pair: TwoInstances) => Promise<T>): Promise<T> {
  process.stderr.write(`${label}: two instances of ours through Redis...\n`);
  const pair = await startTwoInstances(PROFILE);
  try {
    return await run(pair);
  } finally {
    await pair.stop();
    pair.servers.forEach(repeatLog);
  }
}

function repeatLog(server: ServerProcess): void {
  if (server.log.length > 0) process.stderr.write(`  ${server.name} server said:\n  ${server.log.join('\n  ')}\n`);
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  // Exit now, whatever sockets a failed scenario left open; servers.ts stops the servers on exit.
  process.exit(1);
});
