import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import type { CollabConnection } from '../../../server/collab/connection';
import type { Room } from '../../../server/collab/room';
import type { DocumentSnapshot, DocumentStore, NewUpdate } from '../../../server/store/types';
import { updatesOf } from '../../helpers/yjsBytes';
import { baseDoc, DRAFT, openRoomFixture, paragraphText as text, type RoomFixture } from './roomFixture';

/** A document store whose appends wait, one by one, until the test releases them. */
class HeldAppends {
  private readonly waiting: Array<() => void> = [];
  private holding = true;
  private arrived: Array<() => void> = [];
  readonly documents: DocumentStore;
  /** Each snapshot saved, with the text the log held at that moment. */
  readonly snapshots: Array<{ snapshotText: string; logText: string }> = [];

  constructor(private readonly real: DocumentStore) {
    this.documents = Object.create(real) as DocumentStore;
    this.documents.append = async (batch: NewUpdate[]) => {
      if (this.holding) await new Promise<void>((resolve) => {
        this.waiting.push(resolve);
        this.arrived.splice(0).forEach((notify) => notify());
      });
      return real.append(batch);
    };
    this.documents.saveSnapshot = async (draftId: string, snapshot: DocumentSnapshot) => {
      this.snapshots.push({ snapshotText: textOf(snapshot.state), logText: await this.logText() });
      return real.saveSnapshot(draftId, snapshot);
    };
  }

  /** Resolves once `count` appends are waiting. */
  async waitingCount(count: number): Promise<void> {
    while (this.waiting.length < count) await new Promise<void>((resolve) => this.arrived.push(resolve));
  }

  /** Lets every append write from now on. */
  releaseAll(): void {
    this.holding = false;
    this.waiting.splice(0).forEach((release) => release());
  }

  /** Lets the oldest waiting append write. */
  releaseOne(): void {
    this.waiting.shift()!();
  }

  async logText(): Promise<string> {
    const doc = baseDoc();
    for await (const entry of this.real.updatesBetween(DRAFT, 0)) Y.applyUpdate(doc, entry.update);
    const value = text(doc).toString();
    doc.destroy();
    return value;
  }
}

function textOf(state: Uint8Array): string {
  const doc = baseDoc();
  Y.applyUpdate(doc, state);
  const value = text(doc).toString();
  doc.destroy();
  return value;
}

/** The state a sync step 2 message carries (type 0, sub-type 1, then the update). */
function step2State(message: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(message);
  expect([decoding.readVarUint(decoder), decoding.readVarUint(decoder)]).toEqual([0, 1]);
  return decoding.readVarUint8Array(decoder);
}

describe('Room: durable before visible, exactly', () => {
  let fixture: RoomFixture;
  let appends: HeldAppends;
  let room: Room;
  let writer: CollabConnection;
  let typed: Y.Doc;

  beforeEach(async () => {
    fixture = await openRoomFixture((documents) => (appends = new HeldAppends(documents)).documents);
    room = fixture.room;
    writer = fixture.connect().connection;
    typed = baseDoc();
  });
  afterEach(async () => {
    appends.releaseAll();
    typed.destroy();
    await fixture.dispose();
  });

  /** The writer types `value` at the end; the update is applied and its append enqueued. */
  const type = async (value: string) => {
    const [update] = updatesOf(typed, (doc) => text(doc).insert(text(doc).length, value));
    Y.applyUpdate(typed, update);
    await room.receive(writer, { type: 'update', update });
  };

  it('answers a newcomer with what was there when it asked, once that is durable, and nothing typed meanwhile', async () => {
    await type('HELD ');
    await appends.waitingCount(1);
    const { connection: newcomer, sent } = fixture.connect();
    const answered = room.receive(newcomer, { type: 'sync-step1', stateVector: Y.encodeStateVector(new Y.Doc()) });
    await type('LATER ');

    appends.releaseOne();
    await answered;
    expect(sent).toHaveLength(1);
    expect(textOf(step2State(sent[0]))).toBe('HELD ');
    expect(await appends.logText()).toBe('HELD ');
  });

  it('captures a state for a version that holds nothing the log lacks, and says which log entries it contains', async () => {
    await type('FIRST ');
    await appends.waitingCount(1);
    appends.releaseOne();
    await type('SECOND ');
    await appends.waitingCount(1);
    const capturing = room.captureDurableState();
    await type('THIRD ');

    appends.releaseOne();
    const { state, seq } = await capturing;
    expect(textOf(state)).toBe('FIRST SECOND ');
    expect(await appends.logText()).toBe('FIRST SECOND ');
    // Every log entry up to seq is in the state (replaying them onto it changes nothing).
    const replayed = baseDoc();
    Y.applyUpdate(replayed, state);
    const captured = Y.encodeStateAsUpdate(replayed);
    for await (const entry of fixture.temp.store.documents.updatesBetween(DRAFT, 0, seq)) Y.applyUpdate(replayed, entry.update);
    expect(Y.encodeStateAsUpdate(replayed)).toEqual(captured);
    replayed.destroy();
  });

  it('saves a snapshot only once all it holds is in the log', async () => {
    await type('FIRST ');
    await appends.waitingCount(1);
    const saving = room.saveSnapshotIfBehind();
    await type('SECOND ');
    appends.releaseOne();
    await appends.waitingCount(1);
    appends.releaseOne();
    await saving;
    expect(appends.snapshots).toEqual([{ snapshotText: 'FIRST SECOND ', logText: 'FIRST SECOND ' }]);
  });
});
