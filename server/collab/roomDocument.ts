import * as random from 'lib0/random';
import * as Y from 'yjs';

/** A whole draft as a Yjs v1 update, with its state vector (see completeStateVector). */
export interface BinaryState {
  state: Uint8Array;
  stateVector: Uint8Array;
}

/** What a room starts from: the stored state as it was read, or a document built from it. */
export type DraftContent = BinaryState | { doc: Y.Doc };

export interface RoomDocumentOptions {
  /** Attaches the room's listeners to a document as it is built; returns what detaches them. */
  listen: (doc: Y.Doc) => () => void;
  /** How long a live document stays without a change before it goes back to binary state. */
  idleMs: number;
}

/** A state vector with no clients: the client has nothing yet. */
const EMPTY_STATE_VECTOR = 0;
/** A Yjs v1 update with no structs and no deletions. */
const EMPTY_UPDATE = new Uint8Array([0, 0]);

/**
 * One draft's content, held as binary state (a Yjs update and its state vector) while nobody
 * changes it, and as a live Y.Doc only while someone does. Syncing a reader needs no document:
 * the answer is the state itself, or Yjs' diff of it against the reader's state vector. The
 * document is built on first need (`doc`) and goes back to binary state after `idleMs` without a
 * change, unless a caller holds it (see hold): one that keeps the document across an await (an
 * UndoManager, a change still to come) must find the same document afterwards.
 */
export class RoomDocument {
  private binary: BinaryState | null;
  /** What a client that has all of the binary state lacks, and sends as its sync step 2: the draft's deletions (worked out once per binary state). */
  private upToDate: Uint8Array | null = null;
  private live: Y.Doc | null = null;
  private detach: (() => void) | null = null;
  /** The server's Yjs client id, the same in every document built for this room (unless Yjs gave it up, see toBinary). */
  private clientID: number;
  private holds = 0;
  /** When a read last built a transient document (see read). */
  private lastTransientRead = -Infinity;
  private lastChange = 0;
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(
    content: DraftContent,
    private readonly options: RoomDocumentOptions,
  ) {
    if ('doc' in content) {
      this.binary = null;
      this.clientID = content.doc.clientID;
      this.goLive(content.doc);
    } else {
      this.binary = content;
      // As Yjs picks one for a new document.
      this.clientID = random.uint32();
    }
  }

  /** The live document, built from the binary state if there is none. */
  get doc(): Y.Doc {
    if (this.live) return this.live;
    const doc = docOf(this.binary!.state);
    // Set after the state is in: Yjs gives a document a new id when a remote change uses its own.
    doc.clientID = this.clientID;
    this.binary = null;
    this.upToDate = null;
    this.goLive(doc);
    return doc;
  }

  /**
   * Runs `use` on the draft's text without making it live: on the live document if there is one
   * (held until `use` is done, a promise included), otherwise on a transient document built from the
   * binary state and destroyed once `use` is done (the room never keeps it). A second read within
   * `idleMs` of one that built a transient document builds the live one instead: a draft read that
   * often pays for one document per idle period, not one per read (a modified client repeating a
   * check would otherwise cost a whole build each time). `use` only reads: a change to a transient
   * document is lost.
   */
  read<T>(use: (doc: Y.Doc) => T): T {
    const now = Date.now();
    const live = this.live ?? (now - this.lastTransientRead < this.options.idleMs ? this.doc : null);
    if (!live) this.lastTransientRead = now;
    const doc = live ?? docOf(this.binary!.state);
    const done = live ? this.hold() : () => doc.destroy();
    let result: T;
    try {
      result = use(doc);
    } catch (err) {
      done();
      throw err;
    }
    if (result instanceof Promise) return result.finally(done) as T;
    done();
    return result;
  }

  /** The binary state while the room holds one (a new object each time it goes back to binary), else null. */
  get binaryState(): BinaryState | null {
    return this.binary;
  }

  get isLive(): boolean {
    return this.live !== null;
  }

  get stateVector(): Uint8Array {
    return this.live ? Y.encodeStateVector(this.live) : this.binary!.stateVector;
  }

  /** The whole state as one update. */
  encodeState(): Uint8Array {
    return this.live ? Y.encodeStateAsUpdate(this.live) : this.binary!.state;
  }

  /** What a client with `stateVector` lacks (a client with nothing gets the state as it is). */
  diff(stateVector: Uint8Array): Uint8Array {
    if (this.live) return Y.encodeStateAsUpdate(this.live, stateVector);
    const binary = this.binary!;
    if (stateVector.length === 1 && stateVector[0] === EMPTY_STATE_VECTOR) return binary.state;
    if (sameBytes(stateVector, binary.stateVector)) return this.upToDateAnswer(binary);
    return Y.diffUpdate(binary.state, stateVector);
  }

  /**
   * Whether `update` changes nothing, told without building the document: an empty update, or
   * what a reader that has the whole draft sends as its sync step 2 (no structs, and the draft's
   * own deletions: a stock client always sends its whole delete set). Anything else goes through
   * the document.
   */
  addsNothing(update: Uint8Array): boolean {
    if (sameBytes(update, EMPTY_UPDATE)) return true;
    return !this.live && sameBytes(update, this.upToDateAnswer(this.binary!));
  }

  private upToDateAnswer(binary: BinaryState): Uint8Array {
    return (this.upToDate ??= Y.diffUpdate(binary.state, binary.stateVector));
  }

  /** Keeps the live document (if any, or once built) until the returned function is called. */
  hold(): () => void {
    this.holds += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds -= 1;
    };
  }

  /** Goes back to binary state now, unless a caller holds the document. Returns whether it did. */
  toBinary(): boolean {
    if (!this.live || this.holds > 0) return false;
    const doc = this.live;
    // Yjs moves a document to a new id when someone else writes under its own: the old one is not taken back.
    this.clientID = doc.clientID;
    this.binary = { state: Y.encodeStateAsUpdate(doc), stateVector: Y.encodeStateVector(doc) };
    this.upToDate = null;
    this.drop();
    return true;
  }

  destroy(): void {
    this.drop();
  }

  private goLive(doc: Y.Doc): void {
    this.live = doc;
    const detachRoom = this.options.listen(doc);
    doc.on('update', this.noteChange);
    this.detach = () => {
      doc.off('update', this.noteChange);
      detachRoom();
    };
    this.lastChange = Date.now();
    this.armIdleTimer(this.options.idleMs);
  }

  private drop(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.detach?.();
    this.detach = null;
    this.live?.destroy();
    this.live = null;
  }

  private readonly noteChange = (): void => {
    this.lastChange = Date.now();
  };

  /** One timer per live document, not one per change: it looks at the time of the last change when it fires. */
  private armIdleTimer(ms: number): void {
    this.idleTimer = setTimeout(this.onIdleTimer, ms);
    this.idleTimer.unref();
  }

  private readonly onIdleTimer = (): void => {
    this.idleTimer = null;
    const quietFor = Date.now() - this.lastChange;
    if (quietFor >= this.options.idleMs && this.toBinary()) return;
    this.armIdleTimer(Math.max(this.options.idleMs - quietFor, this.options.idleMs / 10, 1));
  };
}

function docOf(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(a, b) === 0;
}
