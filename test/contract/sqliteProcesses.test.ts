import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteStore } from '../../server/store/sqlite/openSqliteStore';
import { collect } from './collect';
import { contentOf, docOf } from './logWriter';

const ROUNDS = 150;
const SCRIPT = path.join(__dirname, 'appendingProcess.ts');

interface Writer {
  /** Resolves once the process has opened the store. */
  ready: Promise<void>;
  go(): void;
  /** The seqs the process was given, once it exited. */
  seqs: Promise<number[]>;
}

function startWriter(dataDir: string, draftId: string, name: string): Writer {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, dataDir, draftId, name, String(ROUNDS)], { stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  let errors = '';
  let markReady = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (output.startsWith('ready\n')) markReady();
  });
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const seqs = new Promise<number[]>((resolve, reject) =>
    child.once('exit', (code) => {
      if (code === 0) resolve(JSON.parse(output.slice('ready\n'.length)) as number[]);
      else reject(new Error(`writer ${name} exited with ${code}:\n${errors}`));
    }),
  );
  return { ready: Promise.race([ready, seqs.then(() => undefined)]), go: () => child.stdin.write('go\n'), seqs };
}

describe('SQLite: two server processes appending to one draft of one file', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqlite-processes-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('gives every entry its own seq, 1..n, loses none, and loads the union after both snapshotted their own view', async () => {
    const draftId = `draft-${randomUUID()}`;
    const writers = ['a', 'b'].map((name) => startWriter(dataDir, draftId, name));
    await Promise.all(writers.map((writer) => writer.ready));
    writers.forEach((writer) => writer.go());
    const [a, b] = await Promise.all(writers.map((writer) => writer.seqs));

    const store = await openSqliteStore(dataDir);
    try {
      const logged = await collect(store.documents.updatesBetween(draftId, 0));
      const total = a.length + b.length;
      expect(logged.map((entry) => entry.seq)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
      expect([...a, ...b].sort((x, y) => x - y)).toEqual(logged.map((entry) => entry.seq));
      // Both wrote while the other did: their seqs interleave.
      expect(Math.min(...b)).toBeLessThan(Math.max(...a));
      expect(Math.min(...a)).toBeLessThan(Math.max(...b));

      const loaded = await store.documents.load(draftId);
      expect(loaded.snapshot).not.toBeNull();
      const [fromLoad, union] = [docOf(loaded), docOf(logged)];
      expect(contentOf(fromLoad)).toEqual(contentOf(union));
      fromLoad.destroy();
      union.destroy();
    } finally {
      await store.close();
    }
  });
});
