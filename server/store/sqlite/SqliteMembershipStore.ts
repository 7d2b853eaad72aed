import type { Database, Statement, Transaction } from 'better-sqlite3';
import type { MembershipRecord, MembershipStore } from '../types';

const COLUMNS = `negotiation_id AS negotiationId, user_id AS userId, role, delegation, added_at AS addedAt, added_by AS addedBy`;

type Key = { negotiationId: string; userId: string };

export class SqliteMembershipStore implements MembershipStore {
  private readonly upsert: Statement<[MembershipRecord]>;
  private readonly one: Statement<[Key], MembershipRecord>;
  private readonly ofNegotiation: Statement<[string], MembershipRecord>;
  private readonly ofUser: Statement<[string], MembershipRecord>;
  private readonly removal: Statement<[Key]>;
  private readonly putAtomically: Transaction<(membership: MembershipRecord) => 'added' | 'updated'>;

  constructor(db: Database) {
    // A changed membership keeps when and by whom it was first added.
    this.upsert = db.prepare(`INSERT INTO memberships (negotiation_id, user_id, role, delegation, added_at, added_by)
      VALUES (@negotiationId, @userId, @role, @delegation, @addedAt, @addedBy)
      ON CONFLICT (negotiation_id, user_id) DO UPDATE SET role = excluded.role, delegation = excluded.delegation`);
    this.one = db.prepare(`SELECT ${COLUMNS} FROM memberships WHERE negotiation_id = @negotiationId AND user_id = @userId`);
    this.ofNegotiation = db.prepare(`SELECT ${COLUMNS} FROM memberships WHERE negotiation_id = ? ORDER BY added_at, user_id`);
    this.ofUser = db.prepare(`SELECT ${COLUMNS} FROM memberships WHERE user_id = ? ORDER BY added_at, negotiation_id`);
    this.removal = db.prepare('DELETE FROM memberships WHERE negotiation_id = @negotiationId AND user_id = @userId');
    this.putAtomically = db.transaction((membership: MembershipRecord) => {
      const existed = this.one.get(membership) !== undefined;
      this.upsert.run(membership);
      return existed ? 'updated' : 'added';
    });
  }

  async put(membership: MembershipRecord): Promise<'added' | 'updated'> {
    return this.putAtomically.immediate(membership);
  }

  async get(negotiationId: string, userId: string): Promise<MembershipRecord | null> {
    return this.one.get({ negotiationId, userId }) ?? null;
  }

  async listByNegotiation(negotiationId: string): Promise<MembershipRecord[]> {
    return this.ofNegotiation.all(negotiationId);
  }

  async listByUser(userId: string): Promise<MembershipRecord[]> {
    return this.ofUser.all(userId);
  }

  async remove(negotiationId: string, userId: string): Promise<boolean> {
    return this.removal.run({ negotiationId, userId }).changes > 0;
  }
}
