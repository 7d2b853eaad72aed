/**
 * For sqlitePageCache.test.ts, in a process of its own so nothing else allocates: opens the SQLite
 * store in argv[2], appends argv[3] MB of log in 4 KB updates, and prints by how much the main
 * thread's malloc heap (the [heap] mapping, where SQLite's page cache lives) grew, in bytes.
 */
import fs from 'node:fs';
import { openSqliteStore } from '../../../server/store/sqlite/openSqliteStore';

const UPDATE_BYTES = 4096;
const PER_BATCH = 16;

function mallocHeapBytes(): number {
  const rss = /\[heap\]\n(?:.*\n)*?Rss:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/smaps', 'utf8'))?.[1];
  return Number(rss ?? 0) * 1024;
}

async function main(): Promise<void> {
  const [dataDir, megabytes] = process.argv.slice(2);
  const store = await openSqliteStore(dataDir);
  // The same few buffers every time (SQLite copies them): no garbage for malloc to keep meanwhile.
  const updates = Array.from({ length: PER_BATCH }, (_, i) => new Uint8Array(UPDATE_BYTES).fill(i));
  const before = mallocHeapBytes();
  const batches = (Number(megabytes) * 1024 * 1024) / (UPDATE_BYTES * PER_BATCH);
  for (let b = 0; b < batches; b++) {
    const at = new Date().toISOString();
    const batch = Array.from({ length: PER_BATCH }, (_, i) => ({ draftId: `draft-${b % 10}`, update: updates[i], authorId: 'writer', at }));
    await store.documents.append(batch);
  }
  process.stdout.write(`${mallocHeapBytes() - before}\n`);
  await store.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
