import type { Database, Statement } from 'better-sqlite3';
import type { NegotiationRecord, NegotiationStore } from '../types';
import { insertUnique } from './insertUnique';

const COLUMNS = `id, name, body, starts_on AS startsOn, ends_on AS endsOn, created_at AS createdAt, created_by AS createdBy`;

export class SqliteNegotiationStore implements NegotiationStore {
  private readonly insert: Statement<[NegotiationRecord]>;
  private readonly byId: Statement<[string], NegotiationRecord>;
  private readonly all: Statement<[], NegotiationRecord>;
  private readonly byIds: Statement<[string], NegotiationRecord>;

  constructor(db: Database) {
    this.insert = db.prepare(`INSERT INTO negotiations (id, name, body, starts_on, ends_on, created_at, created_by)
      VALUES (@id, @name, @body, @startsOn, @endsOn, @createdAt, @createdBy)`);
    this.byId = db.prepare(`SELECT ${COLUMNS} FROM negotiations WHERE id = ?`);
    this.all = db.prepare(`SELECT ${COLUMNS} FROM negotiations ORDER BY created_at, id`);
    this.byIds = db.prepare(`SELECT ${COLUMNS} FROM negotiations
      WHERE id IN (SELECT value FROM json_each(?)) ORDER BY created_at, id`);
  }

  async create(negotiation: NegotiationRecord): Promise<void> {
    insertUnique(`Negotiation ${negotiation.id}`, () => this.insert.run(negotiation));
  }

  async get(id: string): Promise<NegotiationRecord | null> {
    return this.byId.get(id) ?? null;
  }

  async list(ids?: readonly string[]): Promise<NegotiationRecord[]> {
    return ids ? this.byIds.all(JSON.stringify(ids)) : this.all.all();
  }
}
