import * as Y from 'yjs';
import type { DraftMember } from '../../../server/domain/access/draftMember';
import { AuditLog } from '../../../server/domain/audit/auditLog';
import { DomainError } from '../../../server/domain/domainError';
import { historyWorkerEntry } from '../../../server/domain/versions/historyWorkerFile';
import { HistoryWorkers } from '../../../server/domain/versions/historyWorkers';
import type { LiveDrafts } from '../../../server/domain/versions/liveDraft';
import { VersionService } from '../../../server/domain/versions/versionService';
import { LogCapture } from '../../helpers/captureLogs';
import { openTempSqliteStore, type TempStore } from '../../helpers/tempStore';

const DRAFT = 'draft-names';
const facilitator: DraftMember = {
  id: 'user-f', username: 'f', displayName: 'f', admin: false,
  negotiationId: 'neg-1', negotiationName: 'Test', role: 'facilitator', delegation: 'Facilitator',
};

describe('VersionService names', () => {
  let temp: TempStore;
  let doc: Y.Doc;
  let versions: VersionService;
  /** A second instance on the same store, with workers of its own. */
  let elsewhere: VersionService;
  const workers: HistoryWorkers[] = [];

  const instance = () => {
    const live: LiveDrafts = {
      // Saving takes a turn, as it does on a live room: the window in which a second request could slip past the check.
      withRoom: async (draftId, use) =>
        use({ draftId, captureDurableState: () => new Promise((resolve) => setTimeout(() => resolve({ state: Y.encodeStateAsUpdate(doc), seq: 0 }), 10)), changeAsServer: () => undefined }),
    };
    const history = new HistoryWorkers(historyWorkerEntry(), 1, new LogCapture().logger);
    workers.push(history);
    return new VersionService(temp.store.versions, temp.store.documents, async () => new Map(), live, { keepAuto: 1, durableWaitMs: 1000 }, history, new AuditLog(temp.store.audit));
  };

  beforeEach(async () => {
    temp = await openTempSqliteStore();
    doc = new Y.Doc();
    versions = instance();
    elsewhere = instance();
  });
  afterEach(async () => {
    doc.destroy();
    await Promise.all(workers.splice(0).map((history) => history.close()));
    await temp.dispose();
  });

  it('names one version when two requests ask for the same name at once; the other gets a 409', async () => {
    const outcomes = await Promise.allSettled([versions.nameVersion(DRAFT, 'Rev.1', facilitator), versions.nameVersion(DRAFT, 'rev.1', facilitator)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refusal = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')!.reason;
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).status).toBe(409);
    expect((await versions.list(DRAFT, 10)).filter((v) => v.kind === 'named')).toHaveLength(1);
  });

  it('names one version when two instances are asked for the same name at once; the other answers the same 409', async () => {
    const outcomes = await Promise.allSettled([versions.nameVersion(DRAFT, 'Rev.2', facilitator), elsewhere.nameVersion(DRAFT, 'Rev.2 ', facilitator)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refusal = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')!.reason as DomainError;
    expect(refusal).toBeInstanceOf(DomainError);
    expect([refusal.status, refusal.message]).toEqual([409, expect.stringMatching(/^a version named "Rev.2 ?" exists already; choose another name$/)]);
    expect((await elsewhere.list(DRAFT, 10)).filter((v) => v.kind === 'named').map((v) => v.name)).toHaveLength(1);
  });
});
