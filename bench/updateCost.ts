/**
 * CPU per client update, part by part, in this process (`npx tsx bench/updateCost.ts`): the
 * pipeline our server runs on every update, cumulated one part at a time, then a whole room with
 * its store in memory and with SQLite, the SQLite store's append alone, and the reference server's
 * pipeline. See bench/README.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { CollabConnection, type CollabSocket } from '../server/collab/connection';
import { ClientIdOwnership } from '../server/collab/clientIdOwnership';
import { ClientUpdate } from '../server/collab/clientUpdate';
import { lockedRegionsTouched } from '../server/collab/lockedRegions';
import { lockedRegionsFor } from '../server/collab/lockPolicy';
import { updateMessage } from '../server/collab/messages';
import { parseClientMessage } from '../server/collab/parseMessage';
import { PersistenceQueue } from '../server/collab/persistenceQueue';
import { Room } from '../server/collab/room';
import { assertUpdateFitsSchema } from '../server/collab/validateContent';
import { DEFAULT_AWARENESS_LIMITS } from '../server/collab/validateAwareness';
import { validateUpdate } from '../server/collab/validateUpdate';
import { CheckpointScheduler } from '../server/domain/versions/checkpointScheduler';
import type { DraftMember } from '../server/domain/access/draftMember';
import { DEMO_DRAFT } from '../server/domain/seed/demoDraft';
import { createLogger } from '../server/logger';
import { Metrics } from '../server/metrics/metrics';
import { timedAppends } from '../server/metrics/timedAppends';
import { CorruptionLog } from '../server/store/corruption';
import { migrate } from '../server/store/sqlite/schema';
import { SqliteDocumentStore } from '../server/store/sqlite/SqliteDocumentStore';
import { openSqliteStore } from '../server/store/sqlite/openSqliteStore';
import { StoredDataVerifier } from '../server/store/verifyStored';
import type { DocumentStore, Store } from '../server/store/types';
import { writerText } from './fanout';
import { outlineUpdate } from './seedContent';
import { median } from './stats';

const { values: args } = parseArgs({
  options: {
    updates: { type: 'string', default: '2000' },
    receivers: { type: 'string', default: '20' },
    writers: { type: 'string', default: '4' },
    rounds: { type: 'string', default: '3' },
    only: { type: 'string' },
  },
});
const UPDATES = Number(args.updates);
const RECEIVERS = Number(args.receivers);
const WRITERS = Number(args.writers);
const ROUNDS = Number(args.rounds);
const DRAFT_ID = 'bench-draft';

interface Cost {
  cpu: number;
  system: number;
}

/** A stage runs the same frames on a fresh document; returns the CPU µs it used. */
type Stage = (frames: Uint8Array[], seed: Uint8Array) => Promise<Cost>;

/** The frames the bench's writers send: tokens appended to an operative paragraph each, every writer seeing the others' writes. */
function writerFrames(seed: Uint8Array): Uint8Array[] {
  const docs = Array.from({ length: WRITERS }, () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, seed);
    return doc;
  });
  const frames: Uint8Array[] = [];
  for (let i = 0; i < UPDATES; i++) {
    const w = i % WRITERS;
    const update = captureUpdate(docs[w], () => {
      const text = writerText(docs[w], w);
      text.insert(text.length, ` #${w}:${i}`);
    });
    docs.forEach((doc, other) => other !== w && Y.applyUpdate(doc, update));
    frames.push(updateMessage(update));
  }
  docs.forEach((doc) => doc.destroy());
  return frames;
}

function captureUpdate(doc: Y.Doc, change: () => void): Uint8Array {
  let captured: Uint8Array | null = null;
  const keep = (update: Uint8Array) => (captured = update);
  doc.on('update', keep);
  change();
  doc.off('update', keep);
  return captured!;
}

function seededDoc(seed: Uint8Array): Y.Doc {
  const doc = new Y.Doc({ gc: true });
  Y.applyUpdate(doc, seed);
  return doc;
}

/** CPU µs used since `since` (a process.cpuUsage() reading): user + system, and system alone (the kernel: fsync, writes). */
function cpuSince(since: NodeJS.CpuUsage): Cost {
  const { user, system } = process.cpuUsage(since);
  return { cpu: user + system, system };
}

interface Steps {
  validate?: boolean;
  schema?: boolean;
  locks?: boolean;
  apply?: boolean;
  encode?: boolean;
  /** Each check reads the update on its own, as before they shared one ClientUpdate. */
  decodeEach?: boolean;
}

/** The checks run in order on each update; `steps` decides how many of them (and Y.applyUpdate) run. */
function syncStage(steps: Steps): Stage {
  const isLocked = lockedRegionsFor('delegate', new Set(), 'direct')!;
  return async (frames, seed) => {
    const doc = seededDoc(seed);
    const started = process.cpuUsage();
    for (const frame of frames) {
      const message = parseClientMessage(frame);
      if (message.type !== 'update') throw new Error('not an update frame');
      const shared = steps.validate ? new ClientUpdate(doc, message.update) : null;
      const read = () => (steps.decodeEach ? new ClientUpdate(doc, message.update) : shared!);
      if (steps.validate) validateUpdate(shared!);
      if (steps.schema) assertUpdateFitsSchema(read());
      if (steps.locks) lockedRegionsTouched(read(), isLocked);
      if (steps.apply) Y.applyUpdate(doc, message.update);
      if (steps.encode) updateMessage(message.update);
    }
    const used = cpuSince(started);
    doc.destroy();
    return used;
  };
}

/** A socket that takes frames and does nothing with them; `onSend` lets the harness wait for a delivery. */
function nullSocket(onSend: () => void = () => {}): CollabSocket {
  return { send: onSend, close: () => {} };
}

function member(id: string): DraftMember {
  return { id, username: id, displayName: id, admin: false, delegation: id, role: 'delegate', negotiationId: 'n', negotiationName: 'n' };
}

/** The store's append in memory: what the room costs without SQLite. */
function memoryAppends(): Pick<DocumentStore, 'append'> {
  let seq = 1;
  return { append: async (batch) => batch.map((entry) => ({ ...entry, seq: ++seq })) };
}

/**
 * A whole Room as the server builds it (persistence queue, metrics on the store's appends,
 * checkpoint scheduling, client id ownership in the store), with WRITERS sending connections and
 * RECEIVERS others; one frame per event-loop turn, each waited for until the room relayed it.
 */
function roomStage(storeKind: 'memory' | 'sqlite'): Stage {
  return async (frames, seed) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'update-cost-'));
    const store: Store = await openSqliteStore(dataDir);
    const logger = createLogger('warn');
    const appends = storeKind === 'sqlite' ? store.documents : memoryAppends();
    const metrics: Metrics = new Metrics({ yjsConnections: () => 0, socketIoConnections: () => 0, openDrafts: () => 1, liveDocuments: () => 1, persistence: () => persistence.health() });
    const persistence: PersistenceQueue = new PersistenceQueue(timedAppends(appends, metrics), logger);
    const checkpoints = new CheckpointScheduler({ quietMs: 120_000, everyUpdates: 2_000 }, () => {});
    const room = new Room({
      draftId: DRAFT_ID,
      content: { doc: seededDoc(seed) },
      lastSeq: 1,
      updatesSinceSnapshot: 0,
      snapshotEvery: 500,
      persistence,
      documents: store.documents,
      logger,
      ownership: new ClientIdOwnership(store.clientIds),
      onDurableChange: (draftId) => checkpoints.noteChange(draftId),
      awarenessLimits: DEFAULT_AWARENESS_LIMITS,
    });
    let delivered: () => void = () => {};
    const writers = Array.from({ length: WRITERS }, (_, i) => new CollabConnection(`w${i}`, member(`writer${i}`), nullSocket()));
    // The last receiver tells the harness that an update went round.
    const receivers = Array.from({ length: RECEIVERS }, (_, i) => new CollabConnection(`r${i}`, member(`reader${i}`), nullSocket(i === RECEIVERS - 1 ? () => delivered() : undefined)));
    [...writers, ...receivers].forEach((connection) => room.connections.add(connection));
    const started = process.cpuUsage();
    for (const [i, frame] of frames.entries()) {
      const relayed = new Promise<void>((resolve) => (delivered = resolve));
      await room.receive(writers[i % WRITERS], parseClientMessage(frame));
      await relayed;
    }
    const used = cpuSince(started);
    checkpoints.close();
    await persistence.close();
    room.destroy();
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    return used;
  };
}

/**
 * The SQLite store's append alone, as the server opens it (WAL), `perCommit` updates to a
 * transaction, one transaction per event-loop turn: what the commit costs, and what a longer
 * group-commit window or synchronous=NORMAL would save.
 */
function storeStage(synchronous: 'FULL' | 'NORMAL', perCommit: number): Stage {
  return async (frames) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'update-cost-'));
    const db = new Database(path.join(dataDir, 'store.sqlite'));
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous}`);
    migrate(db);
    const documents = new SqliteDocumentStore(db, new StoredDataVerifier(new CorruptionLog()));
    const updates = frames.map((frame) => {
      const message = parseClientMessage(frame);
      if (message.type !== 'update') throw new Error('not an update frame');
      return { draftId: DRAFT_ID, update: message.update, authorId: 'writer', at: new Date().toISOString() };
    });
    const started = process.cpuUsage();
    for (let i = 0; i < updates.length; i += perCommit) {
      await documents.append(updates.slice(i, i + perCommit));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    const used = cpuSince(started);
    db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    return used;
  };
}

/** What @y/websocket-server does per update: y-protocols reads the frame into the doc, whose update handler encodes one message for every connection. */
const referenceStage: Stage = async (frames, seed) => {
  const doc = seededDoc(seed);
  const sockets = Array.from({ length: RECEIVERS + WRITERS }, () => nullSocket());
  doc.on('update', (update: Uint8Array) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeUpdate(encoder, update);
    const message = encoding.toUint8Array(encoder);
    sockets.forEach((socket) => socket.send(message));
  });
  const started = process.cpuUsage();
  for (const frame of frames) {
    const decoder = decoding.createDecoder(frame);
    const encoder = encoding.createEncoder();
    decoding.readVarUint(decoder);
    syncProtocol.readSyncMessage(decoder, encoder, doc, null);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const used = cpuSince(started);
  doc.destroy();
  return used;
};

const STAGES: Array<[string, Stage]> = [
  ['parse frame', syncStage({})],
  ['parse + Y.applyUpdate', syncStage({ apply: true })],
  ['+ validateUpdate', syncStage({ validate: true, apply: true })],
  ['+ assertUpdateFitsSchema', syncStage({ validate: true, schema: true, apply: true })],
  ['+ lockedRegionsTouched', syncStage({ validate: true, schema: true, locks: true, apply: true })],
  ['+ encode relay frame', syncStage({ validate: true, schema: true, locks: true, apply: true, encode: true })],
  ['same, each check decoding', syncStage({ validate: true, schema: true, locks: true, apply: true, encode: true, decodeEach: true })],
  ['room, store in memory', roomStage('memory')],
  ['room, SQLite (FULL)', roomStage('sqlite')],
  ['store append, FULL, 1/commit', storeStage('FULL', 1)],
  ['store append, FULL, 4/commit', storeStage('FULL', 4)],
  ['store append, NORMAL, 1/commit', storeStage('NORMAL', 1)],
  ['reference pipeline', referenceStage],
];

async function main(): Promise<void> {
  const seed = outlineUpdate(DEMO_DRAFT);
  const frames = writerFrames(seed);
  const stages = args.only ? STAGES.filter(([name]) => name.includes(args.only!)) : STAGES;
  // One warm-up pass so that every stage runs optimised code.
  for (const [, stage] of stages) await stage(frames.slice(0, 200), seed);
  const results = new Map<string, Cost[]>(stages.map(([name]) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, stage] of stages) {
      const { cpu, system } = await stage(frames, seed);
      results.get(name)!.push({ cpu: cpu / frames.length, system: system / frames.length });
    }
  }
  console.log(`CPU µs per update (median of ${ROUNDS} rounds; ${UPDATES} updates from ${WRITERS} writers, ${RECEIVERS} receivers in the room stages)`);
  console.log(`${'stage'.padEnd(32)} ${'CPU'.padStart(8)} ${'(added)'.padStart(9)} ${'system'.padStart(8)}   CPU by round`);
  let previous: number | null = null;
  for (const [name, costs] of results) {
    const cpu = median(costs.map((cost) => cost.cpu));
    const added = name.startsWith('+') && previous !== null ? `+${(cpu - previous).toFixed(1)}` : '';
    const system = median(costs.map((cost) => cost.system));
    console.log(`${name.padEnd(32)} ${cpu.toFixed(1).padStart(8)} ${added.padStart(9)} ${system.toFixed(1).padStart(8)}   ${costs.map((cost) => cost.cpu.toFixed(1)).join(' / ')}`);
    previous = cpu;
  }
}

void main();
