import type { PublicUser } from '../../shared/user';
import type { UserRecord, UserStore } from '../store/types';
import { hashPassword, verifyPassword } from './passwords';
import type { SessionGrant, SessionRegistry } from './sessionRegistry';
import type { Tickets } from './ticketService';
import type { TokenService } from './tokens';

export function toPublicUser(record: UserRecord): PublicUser {
  const { id, username, displayName, admin } = record;
  return { id, username, displayName, admin };
}

/** Sign-in and token checks shared by REST, the Yjs channel and socket.io. */
export class AuthService {
  /** Checked against when the username is unknown, so both failures take as long (no account probing). */
  private readonly decoyHash: Promise<string> = hashPassword('decoy password that matches nothing');

  constructor(
    private readonly users: UserStore,
    private readonly tokens: TokenService,
    private readonly sessions: Pick<SessionRegistry, 'generation'>,
    private readonly tickets: Tickets,
  ) {}

  /** A token and the user for good credentials; null otherwise (never says which part was wrong). */
  async login(username: string, password: string): Promise<{ token: string; user: PublicUser } | null> {
    const record = await this.users.findByUsername(username.trim().toLowerCase());
    const matches = await verifyPassword(password, record?.passwordHash ?? (await this.decoyHash));
    if (!record || !matches) return null;
    return { token: await this.tokens.issue(record.id), user: toPublicUser(record) };
  }

  /** The user a token belongs to, or null when the token is bad or the account is gone. */
  async authenticate(token: string | undefined | null): Promise<PublicUser | null> {
    return (await this.session(token))?.user ?? null;
  }

  /** What a live connection needs to open a session: the user, the token's expiry and the access generation. */
  async session(token: string | undefined | null): Promise<SessionGrant | null> {
    const claims = await this.tokens.verify(token);
    return claims ? this.grant(claims.userId, claims.expiresAt) : null;
  }

  /** A session from a Yjs ticket (see TicketService): once, for the draft it was issued for. */
  async sessionFromTicket(ticket: string, draftId: string): Promise<SessionGrant | null> {
    const redeemed = await this.tickets.redeem(ticket, draftId);
    return redeemed ? this.grant(redeemed.userId, redeemed.tokenExpiresAt) : null;
  }

  private async grant(userId: string, expiresAt: number): Promise<SessionGrant | null> {
    // Read before the account, so an access change during the read makes this grant stale.
    const generation = this.sessions.generation(userId);
    const record = await this.users.findById(userId);
    return record ? { user: toPublicUser(record), expiresAt, generation } : null;
  }
}
