import type { PublicUser } from '../../../shared/user';
import { DomainError } from '../domainError';

/** Creating accounts and negotiations belongs to the server's administrators. */
export function mustBeAdmin(user: PublicUser): void {
  if (!user.admin) throw new DomainError('only an administrator can do this', 403);
}
