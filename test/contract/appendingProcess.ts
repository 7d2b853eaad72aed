/**
 * A process appending to one draft of a SQLite store, for sqliteProcesses.test.ts: opens the
 * store in argv[2], prints "ready", waits for a line on stdin, then makes argv[5] rounds of edits
 * to draft argv[3] as writer argv[4] (snapshotting every few) and prints the seqs it was given.
 */
import { once } from 'node:events';
import { openSqliteStore } from '../../server/store/sqlite/openSqliteStore';
import { LogWriter } from './logWriter';

const SNAPSHOT_EVERY = 7;

async function main(): Promise<void> {
  const [dataDir, draftId, name, rounds] = process.argv.slice(2);
  const store = await openSqliteStore(dataDir);
  const writer = new LogWriter(store.documents, draftId, name);
  process.stdout.write('ready\n');
  await once(process.stdin, 'data');
  for (let round = 0; round < Number(rounds); round++) {
    await writer.edit(1 + (round % 3));
    if (round % SNAPSHOT_EVERY === SNAPSHOT_EVERY - 1) await writer.snapshot();
  }
  process.stdout.write(`${JSON.stringify(writer.stored.map((entry) => entry.seq))}\n`);
  writer.destroy();
  await store.close();
  process.stdin.destroy();
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
