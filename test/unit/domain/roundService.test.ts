import * as Y from 'yjs';
import { prosemirrorToYXmlFragment } from 'y-prosemirror';
import { numberParagraphs } from '../../../shared/numbering';
import { PROSEMIRROR_FRAGMENT, resolutionSchema } from '../../../shared/schema';
import type { DraftMember } from '../../../server/domain/access/draftMember';
import { AuditLog } from '../../../server/domain/audit/auditLog';
import { StableLabels } from '../../../server/domain/labels/stableLabels';
import { RoundService } from '../../../server/domain/rounds/roundService';
import { historyWorkerEntry } from '../../../server/domain/versions/historyWorkerFile';
import { HistoryWorkers } from '../../../server/domain/versions/historyWorkers';
import type { LiveDrafts } from '../../../server/domain/versions/liveDraft';
import { stateToDoc } from '../../../server/domain/versions/stateToDoc';
import { VersionService } from '../../../server/domain/versions/versionService';
import { LogCapture } from '../../helpers/captureLogs';
import { openTempSqliteStore, type TempStore } from '../../helpers/tempStore';
import { draftDoc, ops } from '../shared/draftFixture';

const DRAFT = 'draft-rounds';
const member = (role: DraftMember['role']): DraftMember => ({
  id: `user-${role}`, username: role, displayName: role, admin: false,
  negotiationId: 'neg-1', negotiationName: 'Test', role, delegation: role === 'facilitator' ? 'Facilitator' : 'Kazakhstan',
});

describe('RoundService', () => {
  let temp: TempStore;
  let doc: Y.Doc;
  let rounds: RoundService;
  /** What the status store would answer: the paragraphs marked deleted. */
  let deleted: string[];

  /** The paragraphs of the live text (or of a stored state), with their clean references. */
  const numbered = (state = Y.encodeStateAsUpdate(doc)) => {
    const node = resolutionSchema.nodeFromJSON(stateToDoc(state));
    node.check();
    return numberParagraphs(node).map((p) => ({ id: p.id!, reference: p.reference, text: node.nodeAt(p.pos)!.textContent }));
  };
  const paragraphs = (state?: Uint8Array) => numbered(state).map((p) => `${p.reference} ${p.text}`);
  const idOf = (text: string) => numbered().find((p) => p.text === text)!.id;

  beforeEach(async () => {
    temp = await openTempSqliteStore();
    doc = new Y.Doc();
    const draft = draftDoc({ preambular: ['Recalling a,', 'Noting b,', 'Stressing c,'], operative: ops('Urges x:', [1, 'sub a;'], [1, 'sub b;'], 'Requests y.') });
    prosemirrorToYXmlFragment(draft, doc.getXmlFragment(PROSEMIRROR_FRAGMENT));
    const live: LiveDrafts = {
      withRoom: async (draftId, use) =>
        use({ draftId, captureDurableState: async () => ({ state: Y.encodeStateAsUpdate(doc), seq: 0 }), changeAsServer: (_author, change) => doc.transact(() => change(doc)) }),
    };
    const audit = new AuditLog(temp.store.audit);
    const versions = new VersionService(temp.store.versions, temp.store.documents, async () => new Map(), live, { keepAuto: 1, durableWaitMs: 1000 },
      new HistoryWorkers(historyWorkerEntry(), 1, new LogCapture().logger), audit);
    deleted = [];
    rounds = new RoundService(versions, temp.store.versions, async (draftId) => (draftId === DRAFT ? deleted : []), audit);
  });
  afterEach(async () => {
    doc.destroy();
    await temp.dispose();
  });

  it('clears the deleted paragraphs from the text and names the result as the base of the round', async () => {
    deleted = [idOf('Noting b,'), idOf('sub a;')];
    const version = await rounds.start(DRAFT, 'Rev.1', member('facilitator'));

    expect(version).toMatchObject({ kind: 'round', name: 'Rev.1', createdByName: 'Facilitator' });
    expect(paragraphs()).toEqual(['PP1 Recalling a,', 'PP2 Stressing c,', 'OP1 Urges x:', 'OP1(a) sub b;', 'OP2 Requests y.']);
    const stored = await temp.store.versions.get(version.id);
    expect(paragraphs(stored!.state)).toEqual(paragraphs());
    expect(await rounds.list(DRAFT)).toEqual([version]);
    expect((await temp.store.audit.listByNegotiation('neg-1', 5))[0]).toMatchObject({ action: 'round-started', target: DRAFT, detail: 'Rev.1' });
    const labels = await new StableLabels(temp.store.versions).labelsOf(DRAFT, doc);
    expect(labels.get(idOf('Stressing c,'))).toBe('PP2');
  });

  it('keeps the last operative paragraph even when it is marked deleted: a resolution has one', async () => {
    deleted = [idOf('Urges x:'), idOf('sub a;'), idOf('sub b;'), idOf('Requests y.')];
    await rounds.start(DRAFT, 'Rev.1', member('facilitator'));
    expect(paragraphs()).toEqual(['PP1 Recalling a,', 'PP2 Noting b,', 'PP3 Stressing c,', 'OP1 Urges x:']);
  });

  it('refuses a delegate and changes nothing', async () => {
    deleted = [idOf('Noting b,')];
    const before = paragraphs();
    await expect(rounds.start(DRAFT, 'Rev.1', member('delegate'))).rejects.toMatchObject({ status: 403 });
    expect(paragraphs()).toEqual(before);
    expect(await rounds.list(DRAFT)).toEqual([]);
  });
});
