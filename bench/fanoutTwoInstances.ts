import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startRedis } from '../test/helpers/redisServer';
import { combineRounds, runFanoutAcross, type FanoutConfig, type FanoutResult, type FanoutRound } from './fanout';
import { cpuSeconds } from './procStats';
import { fanoutHeader, fanoutRow } from './report';
import { startOurs, type ServerProcess } from './servers';
import { median } from './stats';
import { oursTarget, type Target } from './targets';

/**
 * Issue 13's fan-out across two instances (README "Deploying several instances", without the
 * proxy): two of our processes on one SQLite data dir with the same AUTH_SECRET (every client
 * signs in on A, so B accepts A's tokens), relaying through a private redis-server. The writers
 * are on A; the readers alternate between A and B, so half of them get each write from A
 * directly and half through Redis and B.
 */
export interface TwoInstances {
  /** Seeds the demo draft; the writers connect here. */
  readonly a: Target;
  readonly b: Target;
  readonly servers: readonly ServerProcess[];
  readonly redisPid: number;
  /** Stops both instances and redis-server, then removes the shared data folder. */
  stop(): Promise<void>;
}

export interface TwoInstancesRound {
  a: FanoutRound;
  b: FanoutRound;
  /** redis-server CPU over the whole round, the clients' joining included. */
  redisCpuSeconds: number;
}

export interface TwoInstancesResult {
  config: FanoutConfig;
  /** Our single instance with the same clients, in the same run, rounds alternating with the pair's. */
  single: FanoutResult;
  a: FanoutResult;
  b: FanoutResult;
  /** Per round, CPU of A plus B in the measured window. */
  pairCpuSecondsByRound: number[];
  redisCpuSeconds: number;
}

const A = 0;
const B = 1;
/** Writers on A; the readers alternate between A and B. */
const placeOf = (writers: number) => (client: number) => (client < writers ? A : (client - writers) % 2);

export async function startTwoInstances(profile: boolean): Promise<TwoInstances> {
  const redis = await startRedis();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'resolutions-bench-pair-'));
  // servers.ts kills the instances if the bench dies; redis-server and the shared folder are ours to clean.
  const leftovers = () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    try {
      process.kill(redis.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  process.on('exit', leftovers);
  const servers: ServerProcess[] = [];
  const stop = async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await redis.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.off('exit', leftovers);
  };
  try {
    const env = { REDIS_URL: redis.url, AUTH_SECRET: randomBytes(32).toString('hex') };
    servers.push(await startOurs(dataDir, { env, keepDataDir: true }));
    // Started once A is ready: one instance seeds an empty store.
    servers.push(await startOurs(dataDir, { env: { ...env, SEED_DEMO: '0' }, keepDataDir: true }));
    // B's clients carry tokens A issued, as behind a load balancer with no sticky sessions.
    const [a, b] = await Promise.all(servers.map((server) => oursTarget(server, profile, servers[0].url)));
    return { a, b, servers, redisPid: redis.pid, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

export async function runFanoutTwoInstances(pair: TwoInstances, config: FanoutConfig): Promise<TwoInstancesRound> {
  const redisBefore = cpuSeconds(pair.redisPid);
  const [a, b] = await runFanoutAcross([pair.a, pair.b], placeOf(config.writers), config);
  return { a, b, redisCpuSeconds: cpuSeconds(pair.redisPid) - redisBefore };
}

export function combineTwoInstances(config: FanoutConfig, single: FanoutRound[], pairs: TwoInstancesRound[]): TwoInstancesResult {
  const place = placeOf(config.writers);
  const clientsOn = (side: number) => Array.from({ length: config.clients }, (_, i) => place(i)).filter((s) => s === side).length;
  return {
    config,
    single: combineRounds(config.clients, single),
    a: combineRounds(clientsOn(A), pairs.map((p) => p.a)),
    b: combineRounds(clientsOn(B), pairs.map((p) => p.b)),
    pairCpuSecondsByRound: pairs.map((p) => p.a.cpuSeconds + p.b.cpuSeconds),
    redisCpuSeconds: median(pairs.map((p) => p.redisCpuSeconds)),
  };
}

export function formatTwoInstances(result: TwoInstancesResult): string {
  const { config: c, single, a, b } = result;
  const widths = [20, 7, 7, 8, 16, 9, 6, 14, 9, 10, 5];
  const added = (side: FanoutResult, base: FanoutResult) =>
    `p50 ${signed(side.p50Ms - base.p50Ms)} ms, p99 ${signed(side.p99Ms - base.p99Ms)} ms`;
  const pairCpu = median(result.pairCpuSecondsByRound);
  return [
    `Two instances through Redis: ${c.clients} clients on the demo draft, ${c.writers} writers x ${c.ratePerSecond} updates/s x ${c.durationMs / 1000} s, ` +
      `writers on A, readers alternating between A and B; ${a.rounds} rounds alternating with one instance, median shown`,
    fanoutHeader('setup', widths),
    fanoutRow('one instance', single, widths),
    fanoutRow('two: A (local)', a, widths),
    fanoutRow('two: B (via Redis)', b, widths),
    `Added by the relay: B against one instance ${added(b, single)}; B against A in the same runs ${added(b, a)}`,
    `CPU of A + B ${pairCpu.toFixed(2)} s (by round ${result.pairCpuSecondsByRound.map((v) => v.toFixed(2)).join('/')}), ` +
      `${(pairCpu / single.cpuSeconds).toFixed(2)}x one instance; redis-server ${result.redisCpuSeconds.toFixed(2)} s over the whole round (joining included)`,
  ].join('\n');
}

const signed = (ms: number) => `${ms >= 0 ? '+' : ''}${ms.toFixed(2)}`;
