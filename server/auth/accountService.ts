import { RoleName } from '../../shared/validation/requests';
import type { Role } from '../../shared/roles';
import type { PublicUser } from '../../shared/user';
import { DomainError } from '../domain/domainError';
import type { Logger } from '../logger';
import type { UserStore } from '../store/types';
import { toPublicUser } from './authService';
import type { SessionRegistry } from './sessionRegistry';

/**
 * Administrative changes to accounts. Each one that narrows someone's access ends that
 * person's live connections at once: a removed delegate or a delegate turned observer must
 * not keep editing through a websocket opened earlier.
 */
export class AccountService {
  constructor(
    private readonly users: UserStore,
    private readonly sessions: SessionRegistry,
    private readonly logger: Logger,
  ) {}

  async remove(userId: string): Promise<void> {
    if (!(await this.users.remove(userId))) throw new DomainError('no such account', 404);
    const ended = this.sessions.endAll(userId, 'account-removed');
    this.logger.info({ user: userId, ended }, 'account removed');
  }

  async changeRole(userId: string, role: Role): Promise<PublicUser> {
    if (!RoleName.safeParse(role).success) throw new DomainError(`unknown role ${JSON.stringify(role)}`);
    const before = await this.users.findById(userId);
    if (!before) throw new DomainError('no such account', 404);
    if (before.role === role) return toPublicUser(before);
    const after = await this.users.update(userId, { role });
    if (!after) throw new DomainError('no such account', 404);
    const ended = this.sessions.endAll(userId, 'role-changed');
    this.logger.info({ user: userId, from: before.role, to: role, ended }, 'role changed');
    return toPublicUser(after);
  }
}
