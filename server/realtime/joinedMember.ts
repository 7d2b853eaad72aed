import type { DraftMember } from '../domain/access/draftMember';
import { DomainError } from '../domain/domainError';
import type { AppSocket } from './types';

/** The person as a member of the draft's negotiation, as checked when this connection joined the draft. */
export function joinedMember(socket: AppSocket, draftId: string): DraftMember {
  const presence = socket.data.drafts.get(draftId);
  if (!presence) throw new DomainError('join the draft first', 403);
  return presence.member;
}
