import { Inspector } from './inspector';
import { openClients } from './openClients';
import type { CpuProfile } from './profile';
import { steadyRss } from './procStats';
import type { Target } from './targets';
import { sleep } from './wait';
import { mapLimit } from './pool';
import { openWindow } from './window';

export interface MemoryResult {
  documents: number;
  rssBeforeBytes: number;
  rssAfterBytes: number;
  /** RSS growth per open document (with its connection). */
  bytesPerDocument: number;
  /** Growth of live JS memory (heap in use + external) per open document. */
  liveJsBytesPerDocument: number;
  /** Server CPU spent opening all the documents. */
  openCpuSeconds: number;
  disconnects: number;
}

/** Documents read over HTTP at once when opened the browser's way. */
const READ_CONCURRENCY = 20;

/** Time for the server to finish what it was doing (draft creation, sync replies) before a reading. */
const SETTLE_MS = 1_000;

/**
 * One client opens `count` distinct drafts, each holding a new draft's template text, and
 * stays connected. Readings are taken after a forced full GC on both sides of the opening,
 * so garbage left over from preparing the drafts counts neither for nor against a server.
 * `asBrowser`: each document is first read as the web client does (GET /paragraphs), then opened.
 */
export async function runMemory(target: Target, count: number, { asBrowser = false } = {}): Promise<{ result: MemoryResult; profile: CpuProfile | null }> {
  const docs = await target.templateDocs(count);
  const inspector = await Inspector.connect(target.server.inspectorUrl);
  try {
    await sleep(SETTLE_MS);
    const before = await reading(target, inspector);
    const window = await openWindow(target.server, target.profile);
    if (asBrowser) await mapLimit(docs, READ_CONCURRENCY, (doc, i) => target.readAsBrowser!(doc.id, i));
    const clients = await openClients(target, docs);
    try {
      await sleep(SETTLE_MS);
      const { cpuSeconds, profile } = await window.close();
      const after = await reading(target, inspector);
      const result = {
        documents: count,
        rssBeforeBytes: before.rss,
        rssAfterBytes: after.rss,
        bytesPerDocument: (after.rss - before.rss) / count,
        liveJsBytesPerDocument: (after.liveJs - before.liveJs) / count,
        openCpuSeconds: cpuSeconds,
        disconnects: clients.filter((client) => client.closedBy !== null).length,
      };
      return { result, profile };
    } finally {
      clients.forEach((client) => client.close());
    }
  } finally {
    inspector.close();
  }
}

async function reading(target: Target, inspector: Inspector): Promise<{ rss: number; liveJs: number }> {
  await inspector.collectGarbage();
  return { liveJs: await inspector.liveJsBytes(), rss: await steadyRss(target.server.pid) };
}
