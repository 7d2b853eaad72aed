import { randomBytes, randomUUID } from 'node:crypto';
import {
  DuplicateError,
  VersionNameTakenError,
  type AuditRecord,
  type CommentAnchor,
  type CommentRecord,
  type DraftRecord,
  type MembershipRecord,
  type NegotiationRecord,
  type NewUpdate,
  type Store,
  type StoredUpdate,
  type UserRecord,
  type VersionKind,
  type VersionMeta,
  type VersionRecord,
} from '../../server/store/types';
import type { ParagraphStatus } from '../../shared/paragraphs';
import type { SponsorAction, SponsorChange } from '../../shared/sponsors';
import { proposalContract } from './proposalContract';
import { silenceContract } from './silenceContract';
import { collect } from './collect';

/**
 * The behaviour every Store adapter must have. All tests share one store (opened once, as a
 * server would), so each works on its own fresh ids and asserts only about those.
 */

const T0 = Date.parse('2026-03-02T09:00:00.000Z');

/** An ISO time `seconds` after a fixed start, so tests control the order of records. */
function at(seconds: number): string {
  return new Date(T0 + seconds * 1000).toISOString();
}

function newId(kind: string): string {
  return `${kind}-${randomUUID()}`;
}

function makeUser(overrides: Partial<UserRecord> = {}): UserRecord {
  const id = newId('user');
  return {
    id,
    username: `u-${id}`,
    displayName: 'Aigerim Nurlanovna',
    admin: false,
    passwordHash: 'scrypt$16384$8$1$c2FsdA$aGFzaA',
    createdAt: at(0),
    ...overrides,
  };
}

function makeDraft(overrides: Partial<DraftRecord> = {}): DraftRecord {
  return {
    id: newId('draft'),
    negotiationId: 'negotiation-ccpcj',
    title: 'Strengthening crime prevention and criminal justice responses',
    symbol: 'E/CN.15/2026/L.4',
    createdBy: 'user-chair',
    createdAt: at(0),
    updatedAt: at(0),
    editing: 'direct',
    ...overrides,
  };
}

function makeNegotiation(overrides: Partial<NegotiationRecord> = {}): NegotiationRecord {
  return {
    id: newId('negotiation'),
    name: 'CCPCJ 35th session, Committee of the Whole',
    body: 'Commission on Crime Prevention and Criminal Justice',
    startsOn: null,
    endsOn: null,
    createdAt: at(0),
    createdBy: 'user-admin',
    ...overrides,
  };
}

function makeMembership(overrides: Partial<MembershipRecord> = {}): MembershipRecord {
  return {
    negotiationId: newId('negotiation'),
    userId: newId('user'),
    role: 'delegate',
    delegation: 'Kazakhstan',
    addedAt: at(0),
    addedBy: 'user-chair',
    ...overrides,
  };
}

function makeAudit(overrides: Partial<AuditRecord> = {}): AuditRecord {
  return {
    id: newId('audit'),
    at: at(0),
    negotiationId: null,
    actorId: 'user-chair',
    actorName: 'Facilitator',
    action: 'member-added',
    target: 'user-kz',
    detail: 'delegate (Kazakhstan)',
    ...overrides,
  };
}

function makeUpdate(draftId: string, bytes: Uint8Array | number[] = [1, 2, 3], seconds = 0): NewUpdate {
  return { draftId, update: Uint8Array.from(bytes), authorId: 'user-kz', at: at(seconds) };
}

const ANCHOR: CommentAnchor = {
  paragraphId: 'op-3',
  start: 'AQLNp+3lDgA=',
  end: 'AQLNp+3lDgQ=',
  quote: 'Calls upon Member States — «in accordance with» domestic law',
};

function makeComment(draftId: string, overrides: Partial<CommentRecord> = {}): CommentRecord {
  const id = overrides.id ?? newId('comment');
  return {
    id,
    draftId,
    threadId: id,
    visibility: 'all',
    authorId: 'user-eu',
    authorName: 'Jean Dupont',
    delegation: 'European Union',
    text: 'Could we say "encourages" instead?',
    anchor: ANCHOR,
    createdAt: at(0),
    editedAt: null,
    deletedAt: null,
    resolvedAt: null,
    resolvedBy: null,
    ...overrides,
  };
}

function makeVersion(draftId: string, kind: VersionKind, seconds: number, state: Uint8Array = randomBytes(64)): VersionRecord {
  const named = kind !== 'auto';
  return {
    id: newId('version'),
    draftId,
    kind,
    name: named ? `Rev.${seconds}` : null,
    createdAt: at(seconds),
    createdBy: named ? 'user-chair' : null,
    createdByName: named ? 'Chair' : null,
    seq: seconds,
    size: state.byteLength,
    state,
  };
}

function metaOf({ state: _state, ...meta }: VersionRecord): VersionMeta {
  return meta;
}

/** Byte-exact comparison that also insists on a Uint8Array (a Buffer is one). */
function expectBytes(actual: unknown, expected: Uint8Array): void {
  expect(actual).toBeInstanceOf(Uint8Array);
  const bytes = actual as Uint8Array;
  expect(bytes.byteLength).toBe(expected.byteLength);
  expect(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).equals(expected)).toBe(true);
}

/** The stored entry without its seq, with plain bytes, for comparing with what was appended. */
function plain({ draftId, update, authorId, at: time }: NewUpdate): NewUpdate {
  return { draftId, update: Uint8Array.from(update), authorId, at: time };
}

function seqs(entries: readonly StoredUpdate[]): number[] {
  return entries.map((entry) => entry.seq);
}

export function runStoreContract(name: string, open: () => Promise<Store>, cleanup?: () => Promise<void>): void {
  describe(name, () => {
    let store: Store;

    beforeAll(async () => {
      store = await open();
    });

    afterAll(async () => {
      await store?.close();
      await cleanup?.();
    });

    describe('users', () => {
      it('finds a created user by username and by id', async () => {
        const user = makeUser({ admin: true });
        await store.users.create(user);
        expect(await store.users.findByUsername(user.username)).toEqual(user);
        expect(await store.users.findById(user.id)).toEqual(user);
      });

      it('returns null for an unknown username or id', async () => {
        expect(await store.users.findByUsername(newId('nobody'))).toBeNull();
        expect(await store.users.findById(newId('nobody'))).toBeNull();
      });

      it('rejects a taken username or id with DuplicateError and stores nothing', async () => {
        const user = makeUser();
        await store.users.create(user);
        const before = await store.users.count();
        await expect(store.users.create(makeUser({ username: user.username }))).rejects.toBeInstanceOf(DuplicateError);
        await expect(store.users.create(makeUser({ id: user.id }))).rejects.toBeInstanceOf(DuplicateError);
        expect(await store.users.count()).toBe(before);
        expect(await store.users.findById(user.id)).toEqual(user);
      });

      it('lists every user and counts them', async () => {
        const created = [makeUser({ createdAt: at(1) }), makeUser({ createdAt: at(2), admin: true })];
        const before = await store.users.count();
        for (const user of created) await store.users.create(user);
        const all = await store.users.list();
        expect(await store.users.count()).toBe(before + 2);
        expect(all).toHaveLength(before + 2);
        expect(all).toEqual(expect.arrayContaining(created));
      });

      it('updates only the given fields and returns the updated record', async () => {
        const user = makeUser();
        await store.users.create(user);
        const changed = await store.users.update(user.id, { admin: true, displayName: undefined });
        expect(changed).toEqual({ ...user, admin: true });
        expect(await store.users.findById(user.id)).toEqual(changed);
        const renamed = { ...user, admin: true, displayName: 'Dana', passwordHash: 'scrypt$1$1$1$a$b' };
        expect(await store.users.update(user.id, { displayName: 'Dana', passwordHash: 'scrypt$1$1$1$a$b' })).toEqual(renamed);
        expect(await store.users.update(user.id, { admin: false })).toEqual({ ...renamed, admin: false });
        expect(await store.users.update(user.id, { admin: true })).toEqual(renamed);
        expect(await store.users.update(user.id, {})).toEqual(renamed);
        expect(await store.users.findByUsername(user.username)).toEqual(renamed);
      });

      it('updates nothing for an unknown id', async () => {
        const before = await store.users.count();
        expect(await store.users.update(newId('nobody'), { admin: true })).toBeNull();
        expect(await store.users.count()).toBe(before);
      });

      it('removes an account, which is then gone by id and by username, and frees the username', async () => {
        const user = makeUser();
        const other = makeUser();
        await store.users.create(user);
        await store.users.create(other);
        expect(await store.users.remove(user.id)).toBe(true);
        expect(await store.users.findById(user.id)).toBeNull();
        expect(await store.users.findByUsername(user.username)).toBeNull();
        expect(await store.users.remove(user.id)).toBe(false);
        expect(await store.users.findById(other.id)).toEqual(other);
        await store.users.create({ ...makeUser(), username: user.username });
        expect((await store.users.findByUsername(user.username))?.id).not.toBe(user.id);
      });
    });

    describe('drafts', () => {
      it('gets a created draft, and null for an unknown id', async () => {
        const draft = makeDraft({ symbol: '' });
        await store.drafts.create(draft);
        expect(await store.drafts.get(draft.id)).toEqual(draft);
        expect(await store.drafts.get(newId('draft'))).toBeNull();
      });

      it('rejects a taken id with DuplicateError', async () => {
        const draft = makeDraft();
        await store.drafts.create(draft);
        await expect(store.drafts.create(makeDraft({ id: draft.id, title: 'Other' }))).rejects.toBeInstanceOf(DuplicateError);
        expect(await store.drafts.get(draft.id)).toEqual(draft);
      });

      it('lists the most recently changed first', async () => {
        const [a, b, c] = [1, 2, 3].map((s) => makeDraft({ createdAt: at(s), updatedAt: at(s) }));
        for (const draft of [b, a, c]) await store.drafts.create(draft);
        await store.drafts.touch(a.id, at(10));
        const ours = (await store.drafts.list()).filter((d) => [a.id, b.id, c.id].includes(d.id));
        expect(ours.map((d) => d.id)).toEqual([a.id, c.id, b.id]);
        expect(ours[0].updatedAt).toBe(at(10));
      });

      it('lists only the drafts of the given negotiations', async () => {
        const [n1, n2, n3] = [newId('negotiation'), newId('negotiation'), newId('negotiation')];
        const [a, b, c] = [n1, n2, n3].map((negotiationId, s) => makeDraft({ negotiationId, updatedAt: at(s) }));
        for (const draft of [a, b, c]) await store.drafts.create(draft);
        expect((await store.drafts.list([n1, n3])).map((d) => d.id)).toEqual([c.id, a.id]);
        expect(await store.drafts.list([])).toEqual([]);
        expect(await store.drafts.list([newId('negotiation')])).toEqual([]);
      });

      it('moves updatedAt only forward', async () => {
        const draft = makeDraft({ updatedAt: at(5) });
        await store.drafts.create(draft);
        await store.drafts.touch(draft.id, at(4));
        expect((await store.drafts.get(draft.id))?.updatedAt).toBe(at(5));
        await store.drafts.touch(draft.id, at(6));
        await store.drafts.touch(draft.id, at(5));
        expect(await store.drafts.get(draft.id)).toEqual({ ...draft, updatedAt: at(6) });
      });

      it('does not create a draft when touching an unknown id', async () => {
        const id = newId('draft');
        await store.drafts.touch(id, at(1));
        expect(await store.drafts.get(id)).toBeNull();
      });

      it('updates the listed title and symbol, and nothing else', async () => {
        const draft = makeDraft({ updatedAt: at(3) });
        await store.drafts.create(draft);
        await store.drafts.setHeading(draft.id, { title: 'Countering trafficking (Rev.1)', symbol: 'E/CN.15/2026/L.4/Rev.1' });
        const expected = { ...draft, title: 'Countering trafficking (Rev.1)', symbol: 'E/CN.15/2026/L.4/Rev.1' };
        expect(await store.drafts.get(draft.id)).toEqual(expected);
        expect((await store.drafts.list()).find((d) => d.id === draft.id)).toEqual(expected);
        const unknown = newId('draft');
        await store.drafts.setHeading(unknown, { title: 'x', symbol: '' });
        expect(await store.drafts.get(unknown)).toBeNull();
      });

      it('keeps the editing rule a draft was created with', async () => {
        const direct = makeDraft();
        const proposalsOnly = makeDraft({ editing: 'proposals' });
        for (const draft of [direct, proposalsOnly]) await store.drafts.create(draft);
        expect((await store.drafts.get(direct.id))?.editing).toBe('direct');
        expect((await store.drafts.get(proposalsOnly.id))?.editing).toBe('proposals');
      });

      it('sets the editing rule, returns the draft as changed, and creates nothing for an unknown id', async () => {
        const draft = makeDraft({ updatedAt: at(4) });
        await store.drafts.create(draft);
        const proposalsOnly = { ...draft, editing: 'proposals' as const };
        expect(await store.drafts.setEditing(draft.id, 'proposals')).toEqual(proposalsOnly);
        expect(await store.drafts.get(draft.id)).toEqual(proposalsOnly);
        expect((await store.drafts.list([draft.negotiationId])).find((d) => d.id === draft.id)).toEqual(proposalsOnly);
        expect(await store.drafts.setEditing(draft.id, 'proposals')).toEqual(proposalsOnly);
        expect(await store.drafts.setEditing(draft.id, 'direct')).toEqual(draft);
        const unknown = newId('draft');
        expect(await store.drafts.setEditing(unknown, 'proposals')).toBeNull();
        expect(await store.drafts.get(unknown)).toBeNull();
      });
    });

    describe('negotiations', () => {
      it('gets a created negotiation, lists all or some, and refuses a taken id', async () => {
        const a = makeNegotiation({ createdAt: at(1), startsOn: '2026-05-18', endsOn: '2026-05-22' });
        const b = makeNegotiation({ createdAt: at(2) });
        await store.negotiations.create(b);
        await store.negotiations.create(a);
        expect(await store.negotiations.get(a.id)).toEqual(a);
        expect(await store.negotiations.get(newId('negotiation'))).toBeNull();
        expect(await store.negotiations.list([b.id, a.id, newId('negotiation')])).toEqual([a, b]);
        expect(await store.negotiations.list([])).toEqual([]);
        expect(await store.negotiations.list()).toEqual(expect.arrayContaining([a, b]));
        await expect(store.negotiations.create({ ...a, name: 'Other' })).rejects.toBeInstanceOf(DuplicateError);
        expect(await store.negotiations.get(a.id)).toEqual(a);
      });
    });

    describe('memberships', () => {
      it('adds a member once; a second put changes role and delegation but keeps when and by whom', async () => {
        const member = makeMembership({ role: 'delegate', delegation: 'Kazakhstan' });
        expect(await store.memberships.put(member)).toBe('added');
        expect(await store.memberships.get(member.negotiationId, member.userId)).toEqual(member);
        const changed = { ...member, role: 'observer' as const, delegation: 'Observer', addedAt: at(50), addedBy: 'someone-else' };
        expect(await store.memberships.put(changed)).toBe('updated');
        expect(await store.memberships.get(member.negotiationId, member.userId)).toEqual({ ...member, role: 'observer', delegation: 'Observer' });
        expect(await store.memberships.listByNegotiation(member.negotiationId)).toHaveLength(1);
      });

      it('lists the members of a negotiation and the memberships of a person, in the order they were added', async () => {
        const negotiationId = newId('negotiation');
        const userId = newId('user');
        const first = makeMembership({ negotiationId, addedAt: at(1) });
        const second = makeMembership({ negotiationId, userId, addedAt: at(2), role: 'facilitator' });
        const elsewhere = makeMembership({ userId, addedAt: at(3) });
        for (const m of [second, elsewhere, first]) await store.memberships.put(m);
        expect(await store.memberships.listByNegotiation(negotiationId)).toEqual([first, second]);
        expect(await store.memberships.listByUser(userId)).toEqual([second, elsewhere]);
        expect(await store.memberships.listByUser(newId('user'))).toEqual([]);
      });

      it('removes one membership and leaves the person\'s others', async () => {
        const userId = newId('user');
        const a = makeMembership({ userId });
        const b = makeMembership({ userId });
        await store.memberships.put(a);
        await store.memberships.put(b);
        expect(await store.memberships.remove(a.negotiationId, userId)).toBe(true);
        expect(await store.memberships.remove(a.negotiationId, userId)).toBe(false);
        expect(await store.memberships.get(a.negotiationId, userId)).toBeNull();
        expect(await store.memberships.listByUser(userId)).toEqual([b]);
      });
    });

    describe('audit', () => {
      it('lists the entries of a negotiation, newest first, at most `limit`', async () => {
        const negotiationId = newId('negotiation');
        const entries = [1, 3, 2].map((s) => makeAudit({ negotiationId, at: at(s) }));
        for (const entry of entries) await store.audit.append(entry);
        await store.audit.append(makeAudit({ negotiationId: newId('negotiation') }));
        const serverWide = makeAudit({ negotiationId: null, actorId: null, at: at(99) });
        await store.audit.append(serverWide);
        expect(await store.audit.listByNegotiation(negotiationId, 10)).toEqual([entries[1], entries[2], entries[0]]);
        expect(await store.audit.listByNegotiation(null, 1)).toEqual([serverWide]);
        expect(await store.audit.listByNegotiation(negotiationId, 2)).toEqual([entries[1], entries[2]]);
      });
    });

    describe('documents', () => {
      it('appends a batch for several drafts and returns it in order, each draft numbered 1, 2, 3, ...', async () => {
        const [d1, d2] = [newId('draft'), newId('draft')];
        const batch = [makeUpdate(d1, [1]), makeUpdate(d2, [2]), makeUpdate(d1, [3]), makeUpdate(d2, [4])];
        const stored = await store.documents.append(batch);
        expect(stored.map(plain)).toEqual(batch.map(plain));
        expect(seqs(stored)).toEqual([1, 1, 2, 2]);
        const later = await store.documents.append([makeUpdate(d1, [5])]);
        expect(seqs(later)).toEqual([3]);
      });

      it('stores a batch retried under the same id once, and answers with the seqs it was stored at', async () => {
        const draftId = newId('draft');
        const batch = [makeUpdate(draftId, [1]), makeUpdate(draftId, [2])];
        const first = await store.documents.append(batch, 'batch-retried');
        await store.documents.append([makeUpdate(draftId, [3])]);
        const again = await store.documents.append(batch, 'batch-retried');
        expect(again).toEqual(first);
        expect((await collect(store.documents.updatesBetween(draftId, 0))).map((e) => e.update[0])).toEqual([1, 2, 3]);
        await expect(store.documents.append([makeUpdate(draftId, [4])], 'batch-retried')).rejects.toThrow(/different batch/);
        await expect(store.documents.append([makeUpdate(draftId, [4])], '')).rejects.toThrow(TypeError);
        expect(await store.documents.lastSeq(draftId)).toBe(3);
      });

      it('returns an empty list for an empty batch', async () => {
        expect(await store.documents.append([])).toEqual([]);
      });

      it.each([
        ['an update that is not a Uint8Array', { update: [7, 8] as unknown as Uint8Array }],
        ['a missing draftId', { draftId: undefined as unknown as string }],
        ['a missing authorId', { authorId: '' }],
      ])('stores nothing of a batch containing %s', async (_what, broken) => {
        const draftId = newId('draft');
        await store.documents.append([makeUpdate(draftId, [1])]);
        const before = await store.documents.load(draftId);
        const batch = [makeUpdate(draftId, [2]), { ...makeUpdate(draftId, [3]), ...broken }, makeUpdate(draftId, [4])];
        await expect(store.documents.append(batch)).rejects.toThrow();
        expect(await store.documents.load(draftId)).toEqual(before);
        expect(await store.documents.lastSeq(draftId)).toBe(before.updates[0].seq);
      });

      it('loads an unknown draft as empty', async () => {
        expect(await store.documents.load(newId('draft'))).toEqual({ snapshot: null, updates: [], corrupt: [] });
      });

      it('writes a checksum with every blob and reads each one back intact', async () => {
        const draftId = newId('draft');
        const blobs = [randomBytes(20), randomBytes(2_000), randomBytes(70_000)];
        const stored = await store.documents.append(blobs.map((bytes) => makeUpdate(draftId, bytes)));
        const states = [randomBytes(5_000), randomBytes(6_000)];
        await store.documents.saveSnapshot(draftId, { state: states[0], seq: stored[0].seq });
        await store.documents.saveSnapshot(draftId, { state: states[1], seq: stored[1].seq });
        const version = makeVersion(draftId, 'named', 1, randomBytes(9_000));
        await store.versions.create(version);

        const loaded = await store.documents.load(draftId);
        expect(loaded.corrupt).toEqual([]);
        expectBytes(loaded.snapshot?.state, states[1]);
        expect(loaded.updates.map(plain)).toEqual(stored.slice(2).map(plain));
        expect((await collect(store.documents.updatesBetween(draftId, 0))).map(plain)).toEqual(stored.map(plain));
        expectBytes((await store.versions.get(version.id))?.state, version.state);
        expect(store.corruption.report().records.filter((r) => r.draftId === draftId)).toEqual([]);
      });

      it('loads the snapshot and only the log after it, while keeping the whole log', async () => {
        const draftId = newId('draft');
        const stored = await store.documents.append([1, 2, 3, 4, 5].map((b) => makeUpdate(draftId, [b], b)));
        const snapshot = { state: Uint8Array.from([9, 9, 9]), seq: stored[2].seq };
        await store.documents.saveSnapshot(draftId, snapshot);
        const loaded = await store.documents.load(draftId);
        expect(loaded.snapshot?.seq).toBe(snapshot.seq);
        expectBytes(loaded.snapshot?.state, snapshot.state);
        expect(seqs(loaded.updates)).toEqual(seqs(stored.slice(3)));
        expect(loaded.updates.map(plain)).toEqual(stored.slice(3).map(plain));
        expect(seqs(await collect(store.documents.updatesBetween(draftId, 0)))).toEqual(seqs(stored));
      });

      it('keeps the newest snapshot when offered an older or equally old one', async () => {
        const draftId = newId('draft');
        const stored = await store.documents.append([1, 2, 3].map((b) => makeUpdate(draftId, [b])));
        const newer = { state: Uint8Array.from([2]), seq: stored[1].seq };
        await store.documents.saveSnapshot(draftId, newer);
        await store.documents.saveSnapshot(draftId, { state: Uint8Array.from([1]), seq: stored[0].seq });
        await store.documents.saveSnapshot(draftId, { state: Uint8Array.from([0]), seq: stored[1].seq });
        let loaded = await store.documents.load(draftId);
        expect(loaded.snapshot?.seq).toBe(newer.seq);
        expectBytes(loaded.snapshot?.state, newer.state);

        const newest = { state: Uint8Array.from([3]), seq: stored[2].seq };
        await store.documents.saveSnapshot(draftId, newest);
        loaded = await store.documents.load(draftId);
        expect(loaded.snapshot?.seq).toBe(newest.seq);
        expectBytes(loaded.snapshot?.state, newest.state);
        expect(loaded.updates).toEqual([]);
      });

      it('streams the entries with afterSeq < seq <= uptoSeq', async () => {
        const draftId = newId('draft');
        const e = await store.documents.append([1, 2, 3, 4, 5].map((b) => makeUpdate(draftId, [b])));
        const between = (after: number, upto?: number) => collect(store.documents.updatesBetween(draftId, after, upto));
        expect(seqs(await between(e[0].seq, e[3].seq))).toEqual(seqs(e.slice(1, 4)));
        expect(seqs(await between(e[1].seq))).toEqual(seqs(e.slice(2)));
        expect(seqs(await between(0))).toEqual(seqs(e));
        expect(await between(e[4].seq)).toEqual([]);
        expect(await between(e[2].seq, e[2].seq)).toEqual([]);
        const [first] = await between(0, e[0].seq);
        expect(plain(first)).toEqual(plain(e[0]));
        expect(first.seq).toBe(e[0].seq);
      });

      it('streams thousands of entries in seq order, leaving out other drafts', async () => {
        const [draftId, other] = [newId('draft'), newId('draft')];
        const appended: StoredUpdate[] = [];
        for (let page = 0; page < 5; page++) {
          const batch = Array.from({ length: 500 }, (_, i) => makeUpdate(i % 50 === 0 ? other : draftId, [page, i % 256]));
          appended.push(...(await store.documents.append(batch)));
        }
        const expected = appended.filter((entry) => entry.draftId === draftId);
        let count = 0;
        let previous = 0;
        for await (const entry of store.documents.updatesBetween(draftId, 0)) {
          expect(entry.seq).toBe(expected[count].seq);
          expect(entry.seq).toBeGreaterThan(previous);
          previous = entry.seq;
          count++;
        }
        expect(count).toBe(2450);
      });

      it('lets other calls run while a stream is paused, and stops when the consumer stops', async () => {
        const draftId = newId('draft');
        const stored = await store.documents.append(Array.from({ length: 1500 }, (_, i) => makeUpdate(draftId, [i % 256])));
        const read: number[] = [];
        for await (const entry of store.documents.updatesBetween(draftId, 0)) {
          read.push(entry.seq);
          if (read.length === 1) {
            await store.documents.append([makeUpdate(newId('draft'))]);
            await store.drafts.create(makeDraft());
          }
          if (read.length === 1200) break;
        }
        expect(read).toEqual(seqs(stored.slice(0, 1200)));
        expect(await store.documents.lastSeq(draftId)).toBe(stored[1499].seq);
      });

      it('tells the newest seq of a draft, 0 for an empty log', async () => {
        const [draftId, other] = [newId('draft'), newId('draft')];
        expect(await store.documents.lastSeq(draftId)).toBe(0);
        const stored = await store.documents.append([makeUpdate(draftId), makeUpdate(draftId)]);
        await store.documents.append([makeUpdate(other)]);
        expect(await store.documents.lastSeq(draftId)).toBe(stored[1].seq);
        await store.documents.saveSnapshot(draftId, { state: Uint8Array.from([1]), seq: stored[1].seq });
        expect(await store.documents.lastSeq(draftId)).toBe(stored[1].seq);
      });

      it('round-trips binary data byte for byte, including empty and 1 MiB updates', async () => {
        const draftId = newId('draft');
        const payloads = [new Uint8Array(0), randomBytes(1024 * 1024), Uint8Array.from({ length: 256 }, (_, i) => i)];
        await store.documents.append(payloads.map((bytes) => makeUpdate(draftId, bytes)));
        const { updates } = await store.documents.load(draftId);
        const streamed = await collect(store.documents.updatesBetween(draftId, 0));
        payloads.forEach((bytes, i) => {
          expectBytes(updates[i].update, bytes);
          expectBytes(streamed[i].update, bytes);
        });
        const state = randomBytes(1024 * 1024);
        await store.documents.saveSnapshot(draftId, { state, seq: updates[2].seq });
        expectBytes((await store.documents.load(draftId)).snapshot?.state, state);
      });
    });

    describe('comments', () => {
      it('gets a created comment with its anchor, and null for an unknown id', async () => {
        const draftId = newId('draft');
        const root = makeComment(draftId);
        const reply = makeComment(draftId, { threadId: root.id, anchor: null, createdAt: at(1), text: 'Agreed.' });
        await store.comments.create(root);
        await store.comments.create(reply);
        expect(await store.comments.get(root.id)).toEqual(root);
        expect(await store.comments.get(reply.id)).toEqual(reply);
        expect(await store.comments.get(newId('comment'))).toBeNull();
      });

      it('rejects a taken id with DuplicateError', async () => {
        const comment = makeComment(newId('draft'));
        await store.comments.create(comment);
        await expect(store.comments.create({ ...comment, text: 'again' })).rejects.toBeInstanceOf(DuplicateError);
        expect(await store.comments.get(comment.id)).toEqual(comment);
      });

      it('applies a patch, keeps the other fields and returns the updated comment', async () => {
        const comment = makeComment(newId('draft'));
        await store.comments.create(comment);
        const edited = await store.comments.update(comment.id, { text: 'Could we say "urges"?', editedAt: at(5) });
        expect(edited).toEqual({ ...comment, text: 'Could we say "urges"?', editedAt: at(5) });
        const resolved = await store.comments.update(comment.id, { resolvedAt: at(6), resolvedBy: 'user-chair', text: undefined });
        expect(resolved).toEqual({ ...edited, resolvedAt: at(6), resolvedBy: 'user-chair' });
        const reopened = await store.comments.update(comment.id, { resolvedAt: null, resolvedBy: null });
        expect(reopened).toEqual(edited);
        expect(await store.comments.update(comment.id, {})).toEqual(edited);
        expect(await store.comments.get(comment.id)).toEqual(edited);
      });

      it('marks a comment deleted through a patch', async () => {
        const comment = makeComment(newId('draft'));
        await store.comments.create(comment);
        expect(await store.comments.update(comment.id, { deletedAt: at(9) })).toEqual({ ...comment, deletedAt: at(9) });
      });

      it('returns null when updating an unknown id, creating nothing', async () => {
        const id = newId('comment');
        expect(await store.comments.update(id, { text: 'x' })).toBeNull();
        expect(await store.comments.get(id)).toBeNull();
      });

      it('lists a draft oldest first and a thread oldest first, each without the others', async () => {
        const [draftId, other] = [newId('draft'), newId('draft')];
        const t1 = makeComment(draftId, { createdAt: at(1) });
        const t2 = makeComment(draftId, { createdAt: at(2), anchor: { ...ANCHOR, paragraphId: 'pp-1' } });
        const r1 = makeComment(draftId, { threadId: t1.id, anchor: null, createdAt: at(3) });
        const r2 = makeComment(draftId, { threadId: t1.id, anchor: null, createdAt: at(4) });
        const elsewhere = makeComment(other, { createdAt: at(0) });
        for (const comment of [r2, t2, elsewhere, r1, t1]) await store.comments.create(comment);
        expect(await store.comments.listByDraft(draftId)).toEqual([t1, t2, r1, r2]);
        expect(await store.comments.listThread(t1.id)).toEqual([t1, r1, r2]);
        expect(await store.comments.listThread(t2.id)).toEqual([t2]);
        expect(await store.comments.listByDraft(newId('draft'))).toEqual([]);
      });

      it('counts open threads per draft, replies per thread and an author\'s comments since a time', async () => {
        const [draftId, other] = [newId('draft'), newId('draft')];
        const open = makeComment(draftId, { createdAt: at(1) });
        const resolved = makeComment(draftId, { createdAt: at(2), resolvedAt: at(3), resolvedBy: 'Kazakhstan' });
        const reply = (threadId: string, seconds: number, authorId = 'user-eu') =>
          makeComment(draftId, { threadId, anchor: null, createdAt: at(seconds), authorId });
        const replies = [reply(open.id, 4), reply(open.id, 5, 'user-kz'), { ...reply(open.id, 6), deletedAt: at(7) }, reply(resolved.id, 8)];
        for (const comment of [open, resolved, ...replies, makeComment(other, { createdAt: at(9) })]) await store.comments.create(comment);

        expect(await store.comments.countOpenThreads(draftId)).toBe(1);
        expect(await store.comments.countOpenThreads(other)).toBe(1);
        expect(await store.comments.countOpenThreads(newId('draft'))).toBe(0);
        await store.comments.update(open.id, { resolvedAt: at(10), resolvedBy: 'European Union' });
        expect(await store.comments.countOpenThreads(draftId)).toBe(0);

        expect(await store.comments.countReplies(open.id)).toBe(3);
        expect(await store.comments.countReplies(resolved.id)).toBe(1);
        expect(await store.comments.countReplies(newId('comment'))).toBe(0);

        expect(await store.comments.countByAuthorSince(draftId, 'user-eu', at(0))).toBe(5);
        expect(await store.comments.countByAuthorSince(draftId, 'user-eu', at(5))).toBe(2);
        expect(await store.comments.countByAuthorSince(draftId, 'user-kz', at(0))).toBe(1);
        expect(await store.comments.countByAuthorSince(other, 'user-kz', at(0))).toBe(0);
      });
    });

    describe('versions', () => {
      async function createAll(versions: VersionRecord[]): Promise<void> {
        for (const version of versions) await store.versions.create(version);
      }

      it('gets a created version with its state, and null for an unknown id', async () => {
        const version = makeVersion(newId('draft'), 'named', 1, randomBytes(300_000));
        await store.versions.create(version);
        const got = await store.versions.get(version.id);
        expect(got && metaOf(got)).toEqual(metaOf(version));
        expectBytes(got?.state, version.state);
        expect(await store.versions.get(newId('version'))).toBeNull();
      });

      it('rejects a taken id with DuplicateError', async () => {
        const version = makeVersion(newId('draft'), 'auto', 1);
        await store.versions.create(version);
        await expect(store.versions.create({ ...version, kind: 'named' })).rejects.toBeInstanceOf(DuplicateError);
        expect((await store.versions.get(version.id))?.kind).toBe('auto');
      });

      it('lists metadata newest first, without the state, and honours limit', async () => {
        const draftId = newId('draft');
        const [v1, v2, v3] = [makeVersion(draftId, 'auto', 1), makeVersion(draftId, 'named', 2), makeVersion(draftId, 'restore', 3)];
        await createAll([v2, v3, v1, makeVersion(newId('draft'), 'auto', 4)]);
        const listed = await store.versions.list(draftId);
        expect(listed).toEqual([v3, v2, v1].map(metaOf));
        for (const meta of listed) expect(meta).not.toHaveProperty('state');
        expect(await store.versions.list(draftId, { limit: 2 })).toEqual([v3, v2].map(metaOf));
        expect(await store.versions.list(newId('draft'))).toEqual([]);
      });

      it('pages with before: only versions created strictly before it', async () => {
        const draftId = newId('draft');
        const versions = [1, 2, 3, 4, 5].map((s) => makeVersion(draftId, 'auto', s));
        await createAll(versions);
        const [v1, v2, v3, v4, v5] = versions;
        expect(await store.versions.list(draftId, { before: v4.id })).toEqual([v3, v2, v1].map(metaOf));
        expect(await store.versions.list(draftId, { before: v4.id, limit: 2 })).toEqual([v3, v2].map(metaOf));
        expect(await store.versions.list(draftId, { before: v1.id })).toEqual([]);

        const paged: VersionMeta[] = [];
        let page = await store.versions.list(draftId, { limit: 2 });
        while (page.length > 0) {
          paged.push(...page);
          page = await store.versions.list(draftId, { limit: 2, before: page[page.length - 1].id });
        }
        expect(paged).toEqual([v5, v4, v3, v2, v1].map(metaOf));
      });

      it('pages through versions created in the same millisecond without skipping or repeating', async () => {
        const draftId = newId('draft');
        const versions = [1, 1, 1, 1].map((s) => makeVersion(draftId, 'auto', s));
        await createAll(versions);
        const first = await store.versions.list(draftId, { limit: 2 });
        const rest = await store.versions.list(draftId, { before: first[1].id });
        expect([...first, ...rest].map((v) => v.id).sort()).toEqual(versions.map((v) => v.id).sort());
      });

      it('lists nothing before an unknown version', async () => {
        const draftId = newId('draft');
        await store.versions.create(makeVersion(draftId, 'auto', 1));
        expect(await store.versions.list(draftId, { before: newId('version') })).toEqual([]);
      });

      it('tells the latest version without its state, null when there is none', async () => {
        const draftId = newId('draft');
        expect(await store.versions.latest(draftId)).toBeNull();
        const newest = makeVersion(draftId, 'named', 7);
        await createAll([makeVersion(draftId, 'auto', 6), newest, makeVersion(draftId, 'auto', 5)]);
        const latest = await store.versions.latest(draftId);
        expect(latest).toEqual(metaOf(newest));
        expect(latest).not.toHaveProperty('state');
      });

      it('prunes automatic versions beyond the newest `keep`, never named, restore or round ones', async () => {
        const [draftId, other] = [newId('draft'), newId('draft')];
        const autos = [1, 3, 5, 6, 8].map((s) => makeVersion(draftId, 'auto', s));
        const named = makeVersion(draftId, 'named', 0);
        const restore = makeVersion(draftId, 'restore', 2);
        const round = makeVersion(draftId, 'round', 4);
        const otherAuto = makeVersion(other, 'auto', 0);
        await createAll([...autos, named, restore, round, otherAuto]);

        expect(await store.versions.pruneAuto(draftId, 2)).toBe(3);
        expect((await store.versions.list(draftId)).map((v) => v.id)).toEqual([autos[4].id, autos[3].id, round.id, restore.id, named.id]);
        expect(await store.versions.get(autos[0].id)).toBeNull();
        expect(await store.versions.pruneAuto(draftId, 2)).toBe(0);

        expect(await store.versions.pruneAuto(draftId, 0)).toBe(2);
        expect((await store.versions.list(draftId)).map((v) => v.id)).toEqual([round.id, restore.id, named.id]);
        expect(await store.versions.list(other)).toEqual([metaOf(otherAuto)]);
      });

      it('refuses a negative keep', async () => {
        await expect(store.versions.pruneAuto(newId('draft'), -1)).rejects.toThrow(RangeError);
      });

      it('refuses a name a facilitator gave that another such name of the draft has, whatever its case and spaces', async () => {
        const [draftId, other] = [newId('draft'), newId('draft')];
        const unique = { uniqueName: true };
        const first = { ...makeVersion(draftId, 'named', 1), name: 'Rev.1' };
        await store.versions.create(first, unique);
        const again = { ...makeVersion(draftId, 'named', 2), name: ' rev.1 ' };
        const refusal = store.versions.create(again, unique);
        await expect(refusal).rejects.toBeInstanceOf(VersionNameTakenError);
        await expect(refusal).rejects.toMatchObject({ versionName: ' rev.1 ' });
        expect(await store.versions.get(again.id)).toBeNull();
        // Names the server gives may repeat (restores, rounds, a silence's outcome); another draft has names of its own.
        const repeats = [
          { ...makeVersion(draftId, 'restore', 3), name: 'Rev.1' },
          { ...makeVersion(draftId, 'round', 4), name: 'Rev.1' },
          { ...makeVersion(draftId, 'named', 5), name: 'Rev.1' },
        ];
        await createAll(repeats);
        await store.versions.create({ ...makeVersion(other, 'named', 6), name: 'Rev.1' }, unique);
        expect((await store.versions.list(draftId)).map((v) => v.id)).toEqual([...repeats.reverse(), first].map((v) => v.id));
        expect(await store.versions.get(first.id)).not.toHaveProperty('nameKey');
      });
    });

    describe('client ids', () => {
      /** A fresh Yjs-sized client id (unsigned 32-bit) per test: the store is shared. */
      const newClientId = () => randomBytes(4).readUInt32BE(0);

      it('binds a client id to the first user who claims it, for good', async () => {
        const clientId = newClientId();
        expect(await store.clientIds.claim(clientId, 'user-kz')).toBe('user-kz');
        expect(await store.clientIds.claim(clientId, 'user-kz')).toBe('user-kz');
        expect(await store.clientIds.claim(clientId, 'user-eu')).toBe('user-kz');
      });

      it('lets two concurrent claims of one id agree on a single owner', async () => {
        const clientId = newClientId();
        const owners = await Promise.all([store.clientIds.claim(clientId, 'user-kz'), store.clientIds.claim(clientId, 'user-eu')]);
        expect(owners[0]).toBe(owners[1]);
        expect(['user-kz', 'user-eu']).toContain(owners[0]);
        expect(await store.clientIds.claim(clientId, 'user-us')).toBe(owners[0]);
      });

      it('keeps ids apart, including the largest one', async () => {
        const [a, b] = [newClientId(), 0xffffffff];
        await store.clientIds.claim(a, 'user-kz');
        const ownerOfMax = await store.clientIds.claim(b, 'user-eu');
        expect(await store.clientIds.claim(a, 'user-eu')).toBe('user-kz');
        expect(await store.clientIds.claim(b, 'user-kz')).toBe(ownerOfMax);
      });
    });

    describe('paragraph statuses', () => {
      const change = (to: ParagraphStatus, pending: string[] = [], note: string | null = null) => ({
        to, pending, note, byUserId: 'user-chair', byName: 'Chair', at: at(1),
      });

      it('keeps the current status and every change, each with the status it replaced', async () => {
        const draftId = newId('draft');
        expect(await store.paragraphStatuses.listForDraft(draftId)).toEqual([]);
        await store.paragraphStatuses.record(draftId, 'p-1', change('informals'));
        const record = await store.paragraphStatuses.record(draftId, 'p-1', change('agreed_pending', ['Kazakhstan', 'EU'], '$ne: not a field'));
        expect(record).toEqual({
          draftId,
          paragraphId: 'p-1',
          status: 'agreed_pending',
          pending: ['Kazakhstan', 'EU'],
          history: [
            { from: 'open', ...change('informals') },
            { from: 'informals', ...change('agreed_pending', ['Kazakhstan', 'EU'], '$ne: not a field') },
          ],
        });
        await store.paragraphStatuses.record(draftId, 'p-2', change('deleted'));
        const listed = await store.paragraphStatuses.listForDraft(draftId);
        expect(listed.map((entry) => [entry.paragraphId, entry.status, entry.history.length]).sort()).toEqual([
          ['p-1', 'agreed_pending', 2],
          ['p-2', 'deleted', 1],
        ]);
        expect(await store.paragraphStatuses.listForDraft(newId('draft'))).toEqual([]);
      });

      it('records two concurrent changes of one paragraph one after the other', async () => {
        const draftId = newId('draft');
        await Promise.all([
          store.paragraphStatuses.record(draftId, 'p-1', change('informals')),
          store.paragraphStatuses.record(draftId, 'p-1', change('agreed_ad_ref')),
        ]);
        const [record] = await store.paragraphStatuses.listForDraft(draftId);
        expect(record.history).toHaveLength(2);
        expect(record.history[0].from).toBe('open');
        expect(record.history[1].from).toBe(record.history[0].to);
        expect(record.status).toBe(record.history[1].to);
      });
    });

    describe('sponsors', () => {
      const change = (action: SponsorAction, sponsors: string[], cosponsors: string[]): SponsorChange => ({
        action, sponsors, cosponsors, byUserId: 'user-chair', byName: 'Chair', at: at(1),
      });

      it('keeps the current lists and every change that led to them, oldest first', async () => {
        const draftId = newId('draft');
        expect(await store.sponsors.get(draftId)).toBeNull();
        const first = change('set-sponsors', ['Kazakhstan', 'Philippines'], []);
        await store.sponsors.record(draftId, first);
        const second = change('cosponsor-joined', ['Kazakhstan', 'Philippines'], ['$ne', 'Nigeria']);
        expect(await store.sponsors.record(draftId, second)).toEqual({
          draftId, sponsors: ['Kazakhstan', 'Philippines'], cosponsors: ['$ne', 'Nigeria'], history: [first, second],
        });
        await store.sponsors.record(newId('draft'), change('set-sponsors', ['Brazil'], []));
        expect(await store.sponsors.get(draftId)).toEqual({
          draftId, sponsors: ['Kazakhstan', 'Philippines'], cosponsors: ['$ne', 'Nigeria'], history: [first, second],
        });
        expect(await store.sponsors.get(newId('draft'))).toBeNull();
      });
    });
    silenceContract(() => store);
    proposalContract(
      () => store,
      async () => {
        await store.close();
        store = await open();
      },
    );

    describe('the store', () => {
      it('answers ping', async () => {
        await expect(store.ping()).resolves.toBeUndefined();
      });

      it('keeps everything across close and reopen, and continues the seqs', async () => {
        const user = makeUser();
        const draft = makeDraft({ updatedAt: at(3) });
        const comment = makeComment(draft.id);
        const version = makeVersion(draft.id, 'named', 1);
        const snapshotState = randomBytes(1000);
        await store.users.create(user);
        await store.drafts.create(draft);
        const stored = await store.documents.append([makeUpdate(draft.id, [1]), makeUpdate(draft.id, [2]), makeUpdate(draft.id, [3])]);
        await store.documents.saveSnapshot(draft.id, { state: snapshotState, seq: stored[1].seq });
        await store.comments.create(comment);
        await store.versions.create(version);
        const clientId = randomBytes(4).readUInt32BE(0);
        await store.clientIds.claim(clientId, user.id);

        await store.close();
        store = await open();

        expect(await store.users.findByUsername(user.username)).toEqual(user);
        expect(await store.drafts.get(draft.id)).toEqual(draft);
        expect(await store.comments.get(comment.id)).toEqual(comment);
        expect(await store.versions.latest(draft.id)).toEqual(metaOf(version));
        expectBytes((await store.versions.get(version.id))?.state, version.state);
        const loaded = await store.documents.load(draft.id);
        expect(loaded.snapshot?.seq).toBe(stored[1].seq);
        expectBytes(loaded.snapshot?.state, snapshotState);
        expect(loaded.updates.map(plain)).toEqual([plain(stored[2])]);
        expect(await store.documents.lastSeq(draft.id)).toBe(stored[2].seq);

        const [next] = await store.documents.append([makeUpdate(draft.id, [4])]);
        expect(next.seq).toBeGreaterThan(stored[2].seq);
        expect(await store.clientIds.claim(clientId, 'someone-else')).toBe(user.id);
        await expect(store.users.create(makeUser({ username: user.username }))).rejects.toBeInstanceOf(DuplicateError);
      });
    });
  });
}
