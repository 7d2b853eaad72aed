/**
 * The latency the Yjs relay adds: one writer on instance A; one reader on A (local: A broadcasts
 * once the update is durable) and one on B (relayed: A publishes to Redis once durable, B applies
 * and broadcasts). Two server processes on one SQLite data dir and a private redis-server, all on
 * loopback. Every client lives in this process, so one clock times both paths.
 *
 *   npx tsx bench/relayLatency.ts [updates=300] [perSecond=50]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { PROSEMIRROR_FRAGMENT } from '../shared/schema';
import { startRedis } from '../test/helpers/redisServer';
import { firstDraftId, login, startServerProcess } from '../test/helpers/serverProcess';
import { removeTestData } from '../test/helpers/storeUnderTest';
import { connectYjs, type YjsClient } from '../test/helpers/yjsClient';

const updates = Number(process.argv[2] ?? 300);
const perSecond = Number(process.argv[3] ?? 50);

const writtenText = (doc: Y.Doc) => {
  const operative = doc.getXmlFragment(PROSEMIRROR_FRAGMENT).get(4) as Y.XmlElement;
  return (operative.get(0) as Y.XmlElement).get(0) as Y.XmlText;
};

/** Records when each `#n` token first shows up in the client's document. */
function arrivals(client: YjsClient): Map<number, number> {
  const seen = new Map<number, number>();
  client.doc.on('update', () => {
    const now = performance.now();
    for (const match of writtenText(client.doc).toString().matchAll(/#(\d+)/g)) {
      const n = Number(match[1]);
      if (!seen.has(n)) seen.set(n, now);
    }
  });
  return seen;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

function summary(sent: number[], received: Map<number, number>) {
  const latencies = sent.flatMap((at, n) => (received.has(n) ? [received.get(n)! - at] : [])).sort((a, b) => a - b);
  return {
    delivered: `${latencies.length}/${sent.length}`,
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
  };
}

async function main(): Promise<void> {
  const redis = await startRedis();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relay-latency-'));
  const a = await startServerProcess(dataDir, { REDIS_URL: redis.url });
  const b = await startServerProcess(dataDir, { REDIS_URL: redis.url, SEED_DEMO: '0' });
  const clients: YjsClient[] = [];
  try {
    const draftId = await firstDraftId(a.url, await login(a.url, 'chair'));
    const connect = async (url: string, wsUrl: string, username: string) => {
      const client = connectYjs(wsUrl, draftId, await login(url, username));
      clients.push(client);
      await client.synced;
      return client;
    };
    const writer = await connect(a.url, a.wsUrl, 'kazakhstan');
    const local = arrivals(await connect(a.url, a.wsUrl, 'eu'));
    const relayed = arrivals(await connect(b.url, b.wsUrl, 'usa'));

    const sent: number[] = [];
    for (let n = 0; n < updates; n++) {
      sent.push(performance.now());
      writtenText(writer.doc).insert(writtenText(writer.doc).length, ` #${n}`);
      await new Promise((resolve) => setTimeout(resolve, 1000 / perSecond));
    }
    const deadline = Date.now() + 10_000;
    while ((local.size < updates || relayed.size < updates) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));

    const rows = { local: summary(sent, local), relayed: summary(sent, relayed) };
    console.log(`${updates} updates at ${perSecond}/s, latency in ms from the writer's change to the reader's document`);
    console.table(
      Object.fromEntries(
        Object.entries(rows).map(([name, row]) => [name, { ...row, p50: row.p50.toFixed(2), p90: row.p90.toFixed(2), p99: row.p99.toFixed(2) }]),
      ),
    );
    console.log(`added by the relay: p50 ${(rows.relayed.p50 - rows.local.p50).toFixed(2)} ms, p99 ${(rows.relayed.p99 - rows.local.p99).toFixed(2)} ms`);
  } finally {
    clients.forEach((client) => client.destroy());
    for (const instance of [a, b]) {
      instance.child.kill('SIGTERM');
      await instance.exited;
    }
    await redis.stop();
    await removeTestData(dataDir);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
