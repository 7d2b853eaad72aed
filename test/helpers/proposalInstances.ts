import type * as Y from 'yjs';
import { AuditLog } from '../../server/domain/audit/auditLog';
import type { DraftMember } from '../../server/domain/access/draftMember';
import { StableLabels } from '../../server/domain/labels/stableLabels';
import type { RevisableDrafts } from '../../server/domain/oralRevisions/oralRevisionService';
import { ProposalService } from '../../server/domain/proposals/proposalService';
import { createLogger } from '../../server/logger';
import type { ProposalStore, Store } from '../../server/store/types';

/** The store as a server reaches MongoDB: every call answers a turn later, so other work runs in between. */
export function overTheNetwork(proposals: ProposalStore): ProposalStore {
  return new Proxy(proposals, {
    get: (target, name: keyof ProposalStore) => {
      const call = target[name] as (...args: unknown[]) => Promise<unknown>;
      return (...args: unknown[]) => new Promise((resolve) => setImmediate(resolve)).then(() => call.apply(target, args));
    },
  });
}

/** Drafts for steps that never read the text (stances, decisions other than accept). */
const NO_TEXT: RevisableDrafts = {
  withRoom: () => {
    throw new Error('this step does not read the text');
  },
  read: () => {
    throw new Error('this step does not read the text');
  },
  derive: () => {
    throw new Error('this step does not read the text');
  },
};

/**
 * The live room of one draft shared by every instance, as the rooms relayed through Redis keep
 * one text: changes are made as the server, in the author's name, and never fail to be saved.
 */
export function sharedRoom(doc: Y.Doc): RevisableDrafts {
  const room = {
    doc,
    captureDurableState: async () => {},
    changeAsServer: (authorId: string, change: (d: Y.Doc) => void) => doc.transact(() => change(doc), { source: 'server', authorId }),
    isParagraphLocked: () => false,
  };
  return {
    withRoom: async (_draftId, use) => use(room),
    read: async (_draftId, use) => use(doc),
    derive: async (_draftId, derive) => derive(doc),
  };
}

/** One server instance: its own service (and so its own per-draft turn) on the shared store. */
export function proposalInstance(store: Store, proposals: ProposalStore = store.proposals, drafts: RevisableDrafts = NO_TEXT): ProposalService {
  return new ProposalService({
    proposals: overTheNetwork(proposals),
    versions: store.versions,
    drafts,
    labels: new StableLabels(store.versions),
    audit: new AuditLog(store.audit),
    announce: () => {},
    logger: createLogger('silent'),
    limits: { pendingProposalsPerDelegation: 10, proposalsPerUserPerHour: 10 },
    durableWaitMs: 1_000,
  });
}

/** A delegate of the CCPCJ negotiation speaking for `delegation`. */
export const delegate = (delegation: string): DraftMember => ({
  id: `user-${delegation}`,
  username: delegation.toLowerCase(),
  displayName: `Delegate of ${delegation}`,
  admin: false,
  negotiationId: 'negotiation-ccpcj',
  negotiationName: 'CCPCJ',
  role: 'delegate',
  delegation,
});
