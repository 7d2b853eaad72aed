import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { encodeAwarenessEntries, type AwarenessEntry } from '../../../server/collab/awarenessEntries';
import { ProtocolError } from '../../../server/collab/parseMessage';
import { DEFAULT_AWARENESS_LIMITS, validateAwareness, type AwarenessContext } from '../../../server/collab/validateAwareness';
import { awarenessUserOf } from '../../../shared/awarenessState';
import { PROSEMIRROR_FRAGMENT } from '../../../shared/schema';
import type { DraftMember } from '../../../server/domain/access/draftMember';
import { frame } from '../../helpers/yjsBytes';

const kazakhstan: DraftMember = { id: 'u-kz', username: 'kazakhstan', displayName: 'A. Nurlanovna', admin: false, negotiationId: 'n1', negotiationName: 'CCPCJ', delegation: 'Kazakhstan', role: 'delegate' };
const eu: DraftMember = { id: 'u-eu', username: 'eu', displayName: 'M. Rossi', admin: false, negotiationId: 'n1', negotiationName: 'CCPCJ', delegation: 'European Union', role: 'delegate' };

/** A relative position as y-prosemirror puts it in awareness: a Y.RelativePosition through JSON. */
function relativePosition(): unknown {
  const doc = new Y.Doc();
  const text = new Y.XmlText('Urges Member States');
  doc.getXmlFragment(PROSEMIRROR_FRAGMENT).insert(0, [text]);
  const position = JSON.parse(JSON.stringify(Y.createRelativePositionFromTypeIndex(text, 3)));
  doc.destroy();
  return position;
}
const CURSOR = { anchor: relativePosition(), head: relativePosition() };

function context(overrides: Partial<AwarenessContext> = {}): AwarenessContext {
  return { user: kazakhstan, announced: new Set(), isHeldByOther: () => false, clockOf: () => undefined, roomStates: new Map(), ...overrides };
}

function update(...entries: Array<[clientId: number, state: unknown]>): Uint8Array {
  return encodeAwarenessEntries(entries.map(([clientId, state]): AwarenessEntry => ({ clientId, clock: 1, state })));
}

function judge(bytes: Uint8Array, ctx = context(), limits = DEFAULT_AWARENESS_LIMITS) {
  return validateAwareness(bytes, ctx, limits);
}

function refusal(bytes: Uint8Array, ctx = context(), limits = DEFAULT_AWARENESS_LIMITS): string {
  try {
    judge(bytes, ctx, limits);
  } catch (err) {
    if (err instanceof ProtocolError) return err.message;
    throw err;
  }
  throw new Error('accepted');
}

describe('validateAwareness', () => {
  it("keeps a stock y-prosemirror state's cursor and relays the server's view of the user, nothing else", () => {
    const forged = { name: 'United States', color: 'red; background: url(x)', userId: 'u-us' };
    const { accepted } = judge(update([7, { user: forged, cursor: CURSOR, extra: 'x'.repeat(100) }]));
    expect(accepted).toEqual([{ clientId: 7, clock: 1, state: { cursor: CURSOR, user: awarenessUserOf(kazakhstan, kazakhstan.delegation) } }]);
    expect(awarenessUserOf(kazakhstan, kazakhstan.delegation)).toEqual({ name: 'Kazakhstan', userId: 'u-kz', color: expect.stringMatching(/^#[0-9a-f]{6}$/) });
  });

  it.each([
    ['a string user', { user: 'Kazakhstan' }],
    ['no user', { cursor: null }],
    ['a null user', { user: null }],
  ])('stamps the user of a state with %s', (_name, state) => {
    const [entry] = judge(update([7, state])).accepted;
    expect((entry.state as { user: unknown }).user).toEqual(awarenessUserOf(kazakhstan, kazakhstan.delegation));
  });

  it.each([
    ['a null anchor', { cursor: { anchor: null } }, /cursor\.anchor/],
    ['an empty head', { cursor: { anchor: CURSOR.anchor, head: {} } }, /cursor\.head/],
    ['a root type other than the draft', { cursor: { anchor: { tname: 'evil' }, head: CURSOR.head } }, /cursor\.anchor/],
    ['a negative clock', { cursor: { anchor: { item: { client: 1, clock: -1 } }, head: CURSOR.head } }, /cursor\.anchor/],
    ['a client id as text', { cursor: { anchor: { item: { client: '1', clock: 0 } }, head: CURSOR.head } }, /cursor\.anchor/],
    ['a string cursor', { cursor: 'here' }, /cursor/],
    ['a string state', 'Kazakhstan', /malformed awareness state/],
    ['an array state', [1, 2], /malformed awareness state/],
  ])('refuses a state with %s', (_name, state, reason) => {
    expect(refusal(update([7, state]))).toMatch(reason);
  });

  it('refuses bytes that are not an awareness update', () => {
    const raw = (write: (e: encoding.Encoder) => void) => frame(write);
    const entryWith = (json: Uint8Array) =>
      raw((e) => {
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint(e, 7);
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint8Array(e, json);
      });
    expect(refusal(Uint8Array.of(1, 7))).toBe('malformed awareness update');
    expect(refusal(entryWith(new TextEncoder().encode('{"user":')))).toBe('malformed awareness update');
    expect(refusal(entryWith(Uint8Array.of(0x22, 0xff, 0x22)))).toBe('malformed awareness update');
    expect(refusal(Uint8Array.of(...update([7, {}]), 0))).toMatch(/unexpected bytes/);
    expect(refusal(update([2 ** 32, {}]))).toMatch(/client id out of range/);
  });

  it('refuses oversized updates and states, and more client ids than a connection may have', () => {
    const limits = { ...DEFAULT_AWARENESS_LIMITS, maxUpdateBytes: 300, maxStateBytes: 100, maxStatesPerConnection: 2, maxStatesPerRoom: 3 };
    expect(refusal(update([7, { pad: 'x'.repeat(400) }]), context(), limits)).toMatch(/update too large/);
    expect(refusal(update([7, { pad: 'x'.repeat(100) }]), context(), limits)).toMatch(/state too large/);
    expect(refusal(update([1, {}], [2, {}], [3, {}], [4, {}]), context(), limits)).toMatch(/too many awareness states in one frame/);
    expect(refusal(update([1, {}], [2, {}], [3, {}]), context(), limits)).toMatch(/too many awareness client ids/);
    // Two ids announced earlier: a third is one too many, even after the first two were removed.
    expect(refusal(update([3, {}]), context({ announced: new Set([1, 2]) }), limits)).toMatch(/too many awareness client ids/);
    expect(judge(update([1, {}], [2, null]), context({ announced: new Set([1, 2]) }), limits).accepted).toHaveLength(2);
  });

  it("drops, without closing, what a stock client echoes: others' states and removals, and stale states", () => {
    const ctx = context({
      announced: new Set([7]),
      isHeldByOther: (id) => id === 9,
      clockOf: (id) => ({ 9: 3, 11: 5 })[id],
      roomStates: new Map([[7, {}], [9, {}]]),
    });
    const echo = update([9, { cursor: null }], [9, null], [11, { cursor: null }], [12, null], [7, { cursor: CURSOR }]);
    expect(judge(echo, ctx).accepted.map((e) => e.clientId)).toEqual([7]);
    // A forgery with a newer clock is dropped the same way: an entry under another connection's id is never applied.
    expect(judge(encodeAwarenessEntries([{ clientId: 9, clock: 1_000_000, state: { cursor: null } }]), ctx).accepted).toEqual([]);
  });

  it('tells which of its own states the room would ignore as not newer: a first state at clock 0, a state the room removed', () => {
    const ctx = context({ clockOf: (id) => ({ 8: 4 })[id], isHeldByOther: (id) => id === 9, ownerOf: (id) => (id === 10 ? eu.id : undefined) });
    const entries = [
      { clientId: 7, clock: 0, state: {} },
      { clientId: 8, clock: 4, state: {} },
      { clientId: 9, clock: 0, state: {} },
      { clientId: 10, clock: 0, state: {} },
      { clientId: 11, clock: 0, state: null },
    ];
    const { accepted, behind } = judge(encodeAwarenessEntries(entries), ctx);
    expect(accepted).toEqual([]);
    expect(behind).toEqual([
      { clientId: 7, clock: 0 },
      { clientId: 8, clock: 4 },
    ]);
    expect(judge(encodeAwarenessEntries([{ clientId: 8, clock: 5, state: {} }]), ctx).accepted).toHaveLength(1);
  });

  it('drops entries under a client id durably owned by another user, even one the sender announced', () => {
    const ownerOf = (id: number) => (id === 9 ? eu.id : id === 7 ? kazakhstan.id : undefined);
    expect(judge(update([9, {}]), context({ ownerOf })).accepted).toEqual([]);
    expect(judge(update([9, null]), context({ ownerOf, announced: new Set([9]) })).accepted).toEqual([]);
    expect(judge(update([7, {}]), context({ ownerOf })).accepted).toHaveLength(1);
  });

  it('removes only states the sender holds', () => {
    expect(judge(update([9, null])).accepted).toEqual([]);
    expect(judge(update([9, null]), context({ announced: new Set([9]) })).accepted).toEqual([{ clientId: 9, clock: 1, state: null }]);
  });

  it('leaves out new client ids when the room is full, and still applies changes to present ones', () => {
    const limits = { ...DEFAULT_AWARENESS_LIMITS, maxStatesPerRoom: 2 };
    const ctx = context({ announced: new Set([1]), roomStates: new Map([[1, {}], [2, {}]]) });
    const { accepted, roomFull } = judge(update([1, { cursor: null }], [3, { cursor: null }]), ctx, limits);
    expect(accepted.map((e) => e.clientId)).toEqual([1]);
    expect(roomFull).toEqual([3]);
  });
});
