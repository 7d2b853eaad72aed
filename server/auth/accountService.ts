import { randomUUID } from 'node:crypto';
import type { PublicUser } from '../../shared/user';
import { auditBy, type AuditLog } from '../domain/audit/auditLog';
import { DomainError } from '../domain/domainError';
import { mustBeAdmin } from '../domain/access/mustBeAdmin';
import type { Logger } from '../logger';
import { DuplicateError, type UserStore } from '../store/types';
import { toPublicUser } from './authService';
import { hashPassword, verifyPassword } from './passwords';
import type { SessionRegistry } from './sessionRegistry';

export interface NewAccount {
  username: string;
  displayName: string;
  password: string;
}

/**
 * Administrative changes to accounts, and a person's own password. Removing an account ends
 * that person's live connections at once (roles are per negotiation: see NegotiationService).
 */
export class AccountService {
  constructor(
    private readonly users: UserStore,
    private readonly sessions: SessionRegistry,
    private readonly audit: AuditLog,
    private readonly logger: Logger,
  ) {}

  async list(admin: PublicUser): Promise<PublicUser[]> {
    mustBeAdmin(admin);
    return (await this.users.list()).map(toPublicUser);
  }

  async create(admin: PublicUser, account: NewAccount): Promise<PublicUser> {
    mustBeAdmin(admin);
    const record = {
      id: randomUUID(),
      username: account.username.toLowerCase(),
      displayName: account.displayName,
      admin: false,
      passwordHash: await hashPassword(account.password),
      createdAt: new Date().toISOString(),
    };
    try {
      await this.users.create(record);
    } catch (error) {
      if (error instanceof DuplicateError) throw new DomainError('that username is taken', 409);
      throw error;
    }
    await this.audit.record(auditBy(admin, null, 'account-created', record.username));
    return toPublicUser(record);
  }

  /** The old password is required: a token left in an unlocked browser must not take the account over. */
  async changePassword(user: PublicUser, oldPassword: string, newPassword: string): Promise<void> {
    const record = await this.users.findById(user.id);
    if (!record) throw new DomainError('no such account', 404);
    if (!(await verifyPassword(oldPassword, record.passwordHash))) throw new DomainError('the old password is wrong', 400);
    await this.users.update(user.id, { passwordHash: await hashPassword(newPassword) });
    await this.audit.record(auditBy(user, null, 'password-changed', record.username));
  }

  async remove(userId: string): Promise<void> {
    if (!(await this.users.remove(userId))) throw new DomainError('no such account', 404);
    const ended = this.sessions.endAll(userId, 'account-removed');
    this.logger.info({ user: userId, ended }, 'account removed');
  }
}
