import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writerText } from './fanout';
import { Inspector } from './inspector';
import { openClients } from './openClients';
import { rssBreakdown } from './procStats';
import { hasText } from './seedContent';
import { lineTrend, type Trend } from './trend';
import type { ServerName } from './servers';
import { startTarget, type Target } from './targets';
import { sleep } from './wait';
import { BenchClient } from './yjsClient';

/**
 * `npm run bench:soak -- [--minutes 30] [--sample-seconds 60] [--server ours|reference] [--write-every-ms 500] [--reconnect-every-ms 500]`:
 * steady editing with connection churn on one fresh server; its RSS and live JS heap (after a
 * forced GC) are sampled every minute and the line is reported as flat or growing.
 * Not part of `npm test` nor of `npm run bench`.
 */
const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string', default: '30' },
    'sample-seconds': { type: 'string', default: '60' },
    server: { type: 'string', default: 'ours' },
    'write-every-ms': { type: 'string', default: '500' },
    'reconnect-every-ms': { type: 'string', default: '500' },
  },
});
const DURATION_MS = Number(args.minutes) * 60_000;
const SAMPLE_MS = Number(args['sample-seconds']) * 1000;
const SERVER = args.server as ServerName;
if (SERVER !== 'ours' && SERVER !== 'reference') throw new Error(`--server is ours or reference, not ${SERVER}`);
/** The first client of each draft types, at this rate. */
const WRITE_EVERY_MS = positive('write-every-ms');
/** A client leaves and a new one joins the same draft this often (writers included). */
const CHURN_EVERY_MS = positive('reconnect-every-ms');

const DRAFTS = 10;
const CLIENTS_PER_DRAFT = 10;
/** A paragraph is trimmed back above this length, so the text stays a draft's size. */
const MAX_PARAGRAPH = 400;
const WORDS = ['further', 'strongly', 'inter alia', 'as appropriate', 'Member States', 'including'];
const RESULTS_FILE = path.join(__dirname, 'results', 'soak.json');

function positive(option: 'write-every-ms' | 'reconnect-every-ms'): number {
  const value = Number(args[option]);
  if (!(value > 0)) throw new Error(`--${option} is a positive number of milliseconds, not ${args[option]}`);
  return value;
}

interface Sample {
  minute: number;
  rssBytes: number;
  liveJsBytes: number;
  /** Where the RSS is (procStats' rssBreakdown) and what V8 reports: the breakdown says which part grows. */
  anonymousBytes: number;
  mainArenaBytes: number;
  fileBytes: number;
  heapTotalBytes: number;
  heapUsedBytes: number;
  externalBytes: number;
  writes: number;
  reconnects: number;
}

/** The parts of the memory whose lines the report fits, each with how to read it off a sample. */
const PARTS: Array<[string, (s: Sample) => number]> = [
  ['RSS', (s) => s.rssBytes],
  ['  anonymous', (s) => s.anonymousBytes],
  ['    V8 heap (committed)', (s) => s.heapTotalBytes],
  ["    glibc's main arena ([heap])", (s) => s.mainArenaBytes],
  ['    rest: thread arenas, large blocks', (s) => s.anonymousBytes - s.heapTotalBytes - s.mainArenaBytes],
  ['  mapped files', (s) => s.fileBytes],
  ['V8 heap in use', (s) => s.heapUsedBytes],
  ['external (Buffers, ArrayBuffers)', (s) => s.externalBytes],
];

async function main(): Promise<void> {
  const target = await startTarget(SERVER, false);
  const inspector = await Inspector.connect(target.server.inspectorUrl);
  try {
    const docs = await target.templateDocs(DRAFTS);
    const slots = await openClients(target, docs.flatMap((doc) => Array.from({ length: CLIENTS_PER_DRAFT }, () => doc)));
    const counts = { writes: 0, reconnects: 0, failedReconnects: 0 };
    const deadline = performance.now() + DURATION_MS;
    const samples: Sample[] = [];
    const sample = async () => {
      await inspector.collectGarbage();
      const usage = await inspector.memoryUsage();
      const resident = rssBreakdown(target.server.pid);
      samples.push({
        minute: (performance.now() - started) / 60_000,
        rssBytes: resident.rss,
        liveJsBytes: usage.heapUsed + usage.external,
        anonymousBytes: resident.anonymous,
        mainArenaBytes: resident.mainArena,
        fileBytes: resident.files,
        heapTotalBytes: usage.heapTotal,
        heapUsedBytes: usage.heapUsed,
        externalBytes: usage.external,
        writes: counts.writes,
        reconnects: counts.reconnects,
      });
      process.stderr.write(`${report(samples.at(-1)!)}\n`);
    };
    const started = performance.now();
    await sample();
    const running = () => performance.now() < deadline;
    await Promise.all([
      every(WRITE_EVERY_MS, running, () => {
        for (let d = 0; d < DRAFTS; d++) edit(slots[d * CLIENTS_PER_DRAFT], d);
        counts.writes += DRAFTS;
      }),
      every(CHURN_EVERY_MS, running, () => churn(target, docs, slots, counts)),
      every(SAMPLE_MS, running, sample),
    ]);
    await sample();
    slots.forEach((client) => client.close());

    const rss = lineTrend(samples.map((s) => [s.minute, s.rssBytes]));
    const liveJs = lineTrend(samples.map((s) => [s.minute, s.liveJsBytes]));
    const parts = PARTS.map(([part, read]) => ({ part: part.trim(), trend: lineTrend(samples.map((s) => [s.minute, read(s)])) }));
    fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
    fs.writeFileSync(RESULTS_FILE, `${JSON.stringify({ server: SERVER, minutes: Number(args.minutes), ...counts, samples, rss, liveJs, parts }, null, 2)}\n`);
    process.stdout.write(
      [
        `Soak of ${SERVER}: ${args.minutes} min, ${DRAFTS} drafts x ${CLIENTS_PER_DRAFT} clients, one typing per draft every ${WRITE_EVERY_MS} ms, a reconnect every ${CHURN_EVERY_MS} ms`,
        `${counts.writes} writes, ${counts.reconnects} reconnects (${counts.failedReconnects} failed), ${slots.filter((c) => c.closedBy).length} clients closed by the server`,
        `RSS: ${describe(rss)}`,
        `live JS heap: ${describe(liveJs)}`,
        'Where it grows (fitted after warm-up: first -> last, slope per hour):',
        ...PARTS.map(([part], i) => `${part.padEnd(38)} ${breakdownLine(parts[i].trend)}`),
        `Written to ${path.relative(process.cwd(), RESULTS_FILE)}`,
      ].join('\n') + '\n',
    );
  } finally {
    inspector.close();
    await target.server.stop();
  }
}

/** Runs `task` every `intervalMs` (never overlapping itself) while `running()` holds. */
async function every(intervalMs: number, running: () => boolean, task: () => void | Promise<void>): Promise<void> {
  while (running()) {
    await sleep(intervalMs);
    if (running()) await task();
  }
}

/** A word typed into the draft's first paragraph, or a stretch of it deleted once it grew long. */
function edit(client: BenchClient, draft: number): void {
  // A writer that just reconnected has no text until it syncs.
  if (client.closedBy || !hasText(client.doc)) return;
  const text = writerText(client.doc, 0);
  if (text.length > MAX_PARAGRAPH) text.delete(0, text.length - MAX_PARAGRAPH / 2);
  else text.insert(text.length, ` ${WORDS[draft % WORDS.length]}`);
}

/** One client, picked at random, leaves; a new one takes its place on the same draft. */
async function churn(target: Target, docs: Array<{ id: string }>, slots: BenchClient[], counts: { reconnects: number; failedReconnects: number }): Promise<void> {
  const i = Math.floor(Math.random() * slots.length);
  slots[i].close();
  const next = new BenchClient(target.clientUrl(docs[Math.floor(i / CLIENTS_PER_DRAFT)].id, i));
  slots[i] = next;
  try {
    await next.synced;
    counts.reconnects += 1;
  } catch (err) {
    counts.failedReconnects += 1;
    // The message carries the close code and reason the client got (BenchClient.synced).
    process.stderr.write(`reconnect ${counts.reconnects + counts.failedReconnects} failed: ${err instanceof Error ? err.message : String(err)}\n`);
  }
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const report = (s: Sample) =>
  `minute ${s.minute.toFixed(1)}: RSS ${mib(s.rssBytes)} (anonymous ${mib(s.anonymousBytes)}: V8 heap ${mib(s.heapTotalBytes)}, main arena ${mib(s.mainArenaBytes)}; files ${mib(s.fileBytes)}), ` +
  `live JS ${mib(s.liveJsBytes)} (external ${mib(s.externalBytes)}), ${s.writes} writes, ${s.reconnects} reconnects`;
const breakdownLine = (t: Trend) => `${mib(t.first).padStart(10)} -> ${mib(t.last).padStart(10)}  ${mib(t.slopePerMinute * 60).padStart(10)}/hour`;
const describe = (t: Trend) =>
  `${t.verdict.toUpperCase()} (${mib(t.first)} -> ${mib(t.last)}, fitted slope ${mib(t.slopePerMinute * 60)}/hour over ${t.points} samples after warm-up)`;

main().catch((err) => {
  process.stderr.write(`soak failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
