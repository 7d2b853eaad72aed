import type { Database, Statement } from 'better-sqlite3';
import type { AuditRecord, AuditStore } from '../types';

const COLUMNS = `id, at, negotiation_id AS negotiationId, actor_id AS actorId, actor_name AS actorName, action, target, detail`;

/** Append-only: there is no statement that changes or deletes an entry. */
export class SqliteAuditStore implements AuditStore {
  private readonly insert: Statement<[AuditRecord]>;
  private readonly newest: Statement<[string | null, number], AuditRecord>;

  constructor(db: Database) {
    this.insert = db.prepare(`INSERT INTO audit (id, at, negotiation_id, actor_id, actor_name, action, target, detail)
      VALUES (@id, @at, @negotiationId, @actorId, @actorName, @action, @target, @detail)`);
    this.newest = db.prepare(`SELECT ${COLUMNS} FROM audit WHERE negotiation_id IS ? ORDER BY at DESC, id DESC LIMIT ?`);
  }

  async append(entry: AuditRecord): Promise<void> {
    this.insert.run(entry);
  }

  async listByNegotiation(negotiationId: string | null, limit: number): Promise<AuditRecord[]> {
    return this.newest.all(negotiationId, limit);
  }
}
