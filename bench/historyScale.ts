import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildHistory, type HistoryShape } from './historyData';
import { login } from './ourApi';
import { memory, RssSampler } from './procStats';
import { startOurs } from './servers';

export interface HistoryTiming {
  operation: string;
  ms: number;
  /** Server RSS growth during the operation (bytes). */
  rssGrowth: number;
  /** What came back (bytes of JSON). */
  bytes: number;
}

export interface HistoryScaleResult extends HistoryShape {
  buildSeconds: number;
  rssBefore: number;
  rssPeak: number;
  timings: HistoryTiming[];
}

/**
 * Issue 5's scale case: a draft with 50,000 updates and 200 versions, served by our real
 * server (the bundle, SQLite). Lists, opens and compares versions over HTTP and records the
 * time and the server's memory growth of each. There is no reference for this: the reference
 * server has no history.
 */
export async function runHistoryScale(shape: HistoryShape): Promise<HistoryScaleResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'resolutions-history-'));
  const built = performance.now();
  const draftId = await buildHistory(dataDir, shape);
  const buildSeconds = (performance.now() - built) / 1000;
  const server = await startOurs(dataDir);
  try {
    const token = await login(server.url, 'usa');
    const get = async (route: string) => {
      const response = await fetch(`${server.url}/api/drafts/${draftId}${route}`, { headers: { authorization: `Bearer ${token}` } });
      if (!response.ok) throw new Error(`GET ${route}: ${response.status} ${await response.text()}`);
      return response.text();
    };
    const rssBefore = memory(server.pid).rss;
    const sampler = new RssSampler(server.pid);
    const timings: HistoryTiming[] = [];
    const time = async (operation: string, route: string) => {
      const before = memory(server.pid).rss;
      const started = performance.now();
      const body = await get(route);
      timings.push({ operation, ms: performance.now() - started, rssGrowth: memory(server.pid).rss - before, bytes: body.length });
      return JSON.parse(body);
    };

    const firstPage = (await time('list versions (newest 100)', '/versions?limit=100')).versions as Array<{ id: string }>;
    await time('list versions (next 100)', `/versions?limit=100&before=${firstPage.at(-1)!.id}`);
    const all = [...firstPage, ...(JSON.parse(await get(`/versions?limit=500`)).versions as Array<{ id: string }>).slice(100)];
    const oldest = all.at(-1)!.id;
    const middle = all[Math.floor(all.length / 2)].id;
    await time('open the oldest version', `/versions/${oldest}`);
    await time('compare two adjacent versions', `/compare?from=${all[1].id}&to=${all[0].id}`);
    await time('compare the middle version with the current text', `/compare?from=${middle}&to=current`);
    await time('compare the oldest version with the current text', `/compare?from=${oldest}&to=current`);
    await time('activity timeline', '/activity?limit=100');
    return { ...shape, buildSeconds, rssBefore, rssPeak: sampler.stop(), timings };
  } finally {
    await server.stop();
  }
}

export function formatHistoryScale(result: HistoryScaleResult): string {
  const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
  const rows = result.timings.map(
    (t) => `${t.operation.padEnd(52)} ${t.ms.toFixed(0).padStart(7)} ms  ${mib(t.rssGrowth).padStart(10)}  ${(t.bytes / 1024).toFixed(0).padStart(6)} KiB`,
  );
  return [
    `History at scale: ${result.updates.toLocaleString('en')} updates, ${result.versions} versions (our server only; the reference has no history)`,
    `built in ${result.buildSeconds.toFixed(1)} s; server RSS ${mib(result.rssBefore)} before, peak ${mib(result.rssPeak)}`,
    `${'operation'.padEnd(52)} ${'time'.padStart(10)}  ${'RSS growth'.padStart(10)}  ${'answer'.padStart(10)}`,
    ...rows,
  ].join('\n');
}
