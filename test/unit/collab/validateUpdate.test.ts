import * as Y from 'yjs';
import { ProtocolError } from '../../../server/collab/parseMessage';
import { validateUpdate } from '../../../server/collab/validateUpdate';
import { ClientUpdate } from '../../../server/collab/clientUpdate';
import { garbage, updatesAs, updatesOf, withoutDeleteSet } from '../../helpers/yjsBytes';

const text = (doc: Y.Doc) => doc.getText('t');
const insert = (value: string, index = 0) => (doc: Y.Doc) => text(doc).insert(index, value);

const VICTIM = 1001;
const ATTACKER = 2002;

describe('validateUpdate', () => {
  let server: Y.Doc;

  beforeEach(() => {
    server = new Y.Doc();
    Y.applyUpdate(server, updatesAs(VICTIM, server, insert('hello'))[0]);
  });
  afterEach(() => server.destroy());

  /** The victim's document as it will be after it types `typed` at the end: text the server does not have yet. */
  const victimsFuture = (typed: string) => {
    const future = new Y.Doc();
    Y.applyUpdate(future, Y.encodeStateAsUpdate(server));
    Y.applyUpdate(future, updatesAs(VICTIM, server, insert(typed, 5))[0]);
    return future;
  };

  /** What Yjs itself leaves pending when a copy of the server applies `update`. */
  const leavesPending = (update: Uint8Array) => {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(server));
    Y.applyUpdate(copy, update);
    const pending = copy.store.pendingStructs !== null || copy.store.pendingDs !== null;
    copy.destroy();
    return pending;
  };

  const missing = (update: Uint8Array) => [...validateUpdate(new ClientUpdate(server, update)).missing].sort((a, b) => a - b);

  describe('finds nothing missing in', () => {
    const cases: Array<[string, () => Uint8Array]> = [
      ['an update that follows on from the document', () => updatesAs(ATTACKER, server, insert(' world', 5))[0]],
      ['an update from a client the document has not seen, starting at its beginning', () => updatesOf(null, (doc) => doc.getMap('m').set('k', 1))[0]],
      ['an update the document already has', () => Y.encodeStateAsUpdate(server)],
      ['an update that changes nothing', () => Y.encodeStateAsUpdate(new Y.Doc())],
      ['a deletion of text the document has', () => updatesAs(ATTACKER, server, (doc) => text(doc).delete(0, 2))[0]],
      [
        'one update of two clients where one builds on the other',
        () => {
          const future = victimsFuture(' there');
          const reply = updatesAs(ATTACKER, future, insert('!', 11))[0];
          return Y.mergeUpdates([reply, Y.encodeStateAsUpdate(future, Y.encodeStateVector(server))]);
        },
      ],
      [
        'a deletion of text the same update creates',
        () => Y.mergeUpdates(updatesAs(VICTIM, server, insert(' world', 5), (doc) => text(doc).delete(5, 6))),
      ],
    ];

    it.each(cases)('%s', (_name, make) => {
      const update = make();
      expect(missing(update)).toEqual([]);
      expect(leavesPending(update)).toBe(false);
    });
  });

  describe('finds what is missing in', () => {
    const cases: Array<[string, () => Uint8Array, number[]]> = [
      ['an update that follows on from changes the document does not have', () => updatesAs(ATTACKER, server, insert('first'), insert('second'))[1], [ATTACKER]],
      [
        'a deletion aimed at clocks a client has not written yet',
        () => updatesAs(ATTACKER, victimsFuture(' soon'), (doc) => text(doc).delete(5, 5))[0],
        [VICTIM],
      ],
      [
        'text placed after text that does not exist yet (origin)',
        () => updatesAs(ATTACKER, victimsFuture(' soon'), insert('FORGED', 8))[0],
        [VICTIM],
      ],
      [
        'text placed before text that does not exist yet (right origin)',
        () => updatesAs(ATTACKER, victimsFuture(' soon'), insert('FORGED', 5))[0],
        [VICTIM],
      ],
      [
        'content inside an element that does not exist yet (parent)',
        () => {
          const future = new Y.Doc();
          Y.applyUpdate(future, Y.encodeStateAsUpdate(server));
          Y.applyUpdate(future, updatesAs(VICTIM, server, (doc) => doc.getXmlFragment('f').insert(0, [new Y.XmlElement('p')]))[0]);
          const update = updatesAs(ATTACKER, future, (doc) => (doc.getXmlFragment('f').get(0) as Y.XmlElement).insert(0, [new Y.XmlText('x')]))[0];
          future.destroy();
          return update;
        },
        // The text of the new XmlText waits for the XmlText, which waits for the element.
        [VICTIM, ATTACKER],
      ],
    ];

    it.each(cases)('%s', (_name, make, clients) => {
      const update = make();
      expect(missing(update)).toEqual(clients);
      expect(leavesPending(update)).toBe(true);
    });

    it('an empty deletion at the clock a client reaches next (Yjs would throw on it after applying the structs)', () => {
      const emptyDeletion = Uint8Array.of(0, 1, ...varUint(VICTIM), 1, 5, 0);
      expect(missing(emptyDeletion)).toEqual([VICTIM]);
      expect(() => leavesPending(emptyDeletion)).toThrow();
    });
  });

  it('says which clients an update writes with: those it adds clocks to', () => {
    const fresh = updatesAs(ATTACKER, server, insert('new'))[0];
    expect(validateUpdate(new ClientUpdate(server, fresh)).writes).toEqual([ATTACKER]);
    expect(validateUpdate(new ClientUpdate(server, Y.encodeStateAsUpdate(server))).writes).toEqual([]);
    expect(validateUpdate(new ClientUpdate(server, Y.mergeUpdates([Y.encodeStateAsUpdate(server), fresh]))).writes).toEqual([ATTACKER]);
    expect(validateUpdate(new ClientUpdate(server, updatesAs(ATTACKER, server, (doc) => text(doc).delete(0, 1))[0])).writes).toEqual([]);
  });

  describe('refuses bytes Yjs cannot read', () => {
    const refusal = (update: Uint8Array) => {
      try {
        validateUpdate(new ClientUpdate(server, update));
        return null;
      } catch (err) {
        expect(err).toBeInstanceOf(ProtocolError);
        return (err as Error).message;
      }
    };

    it('random bytes and nothing at all', () => {
      expect(refusal(garbage(64))).toBe('not a Yjs update');
      expect(refusal(new Uint8Array(0))).toBe('not a Yjs update');
    });

    it('an update cut short before its delete set, which Yjs would half apply', () => {
      const cut = withoutDeleteSet(updatesOf(server, insert('HALF '))[0]);
      // The premise: applying it throws only after the inserts are in.
      const victim = new Y.Doc();
      Y.applyUpdate(victim, Y.encodeStateAsUpdate(server));
      expect(() => Y.applyUpdate(victim, cut)).toThrow();
      expect(text(victim).toString()).toBe('HALF hello');
      victim.destroy();

      expect(refusal(cut)).toBe('not a Yjs update');
    });
  });

  it('only looks: the document is the same after any verdict', () => {
    const before = Y.encodeStateAsUpdate(server);
    validateUpdate(new ClientUpdate(server, updatesOf(server, insert('more'))[0]));
    validateUpdate(new ClientUpdate(server, updatesAs(ATTACKER, victimsFuture('later'), (doc) => text(doc).delete(5, 5))[0]));
    expect(() => validateUpdate(new ClientUpdate(server, withoutDeleteSet(updatesOf(server, insert('cut'))[0])))).toThrow(ProtocolError);
    expect(Y.encodeStateAsUpdate(server)).toEqual(before);
    expect(text(server).toString()).toBe('hello');
  });
});

/** lib0's varUint encoding (7 bits per byte, high bit: more follows). */
function varUint(value: number): number[] {
  const bytes: number[] = [];
  for (; value > 0x7f; value >>>= 7) bytes.push((value & 0x7f) | 0x80);
  bytes.push(value);
  return bytes;
}
