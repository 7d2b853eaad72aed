import { SERVER_AUTHOR_ID } from '../../collab/origin';
import type { Author } from '../versions/attributionReplay';
import type { DraftStore, MembershipStore, UserStore } from '../../store/types';

/** Who wrote in a draft, by user id: each account with its delegation in the draft's negotiation. */
export type DraftAuthors = (draftId: string) => Promise<Map<string, Author>>;

/**
 * History is attributed with the delegations of the draft's negotiation. Someone no longer a
 * member keeps their edits, attributed by name (their delegation there is not known any more).
 * The server's own changes (locked text put back) are the server's.
 */
export function draftAuthors(users: UserStore, drafts: DraftStore, memberships: MembershipStore): DraftAuthors {
  return async (draftId) => {
    const draft = await drafts.get(draftId);
    const members = draft ? await memberships.listByNegotiation(draft.negotiationId) : [];
    const delegationOf = new Map(members.map((m) => [m.userId, m.delegation]));
    const accounts = await users.list();
    const authors = new Map(accounts.map((u) => [u.id, { displayName: u.displayName, delegation: delegationOf.get(u.id) ?? u.displayName }]));
    return authors.set(SERVER_AUTHOR_ID, { displayName: 'Server', delegation: 'Server' });
  };
}
