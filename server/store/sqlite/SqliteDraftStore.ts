import type { Database, Statement } from 'better-sqlite3';
import type { DraftEditing } from '../../../shared/proposals';
import type { DraftHeading, DraftRecord, DraftStore } from '../types';
import { insertUnique } from './insertUnique';

const COLUMNS = 'id, negotiation_id AS negotiationId, title, symbol, created_by AS createdBy, created_at AS createdAt, updated_at AS updatedAt, editing';

export class SqliteDraftStore implements DraftStore {
  private readonly insert: Statement<[DraftRecord]>;
  private readonly byId: Statement<[string], DraftRecord>;
  private readonly all: Statement<[], DraftRecord>;
  private readonly inNegotiations: Statement<[string], DraftRecord>;
  private readonly moveForward: Statement<[{ id: string; at: string }]>;
  private readonly heading: Statement<[DraftHeading & { id: string }]>;
  private readonly editing: Statement<[{ id: string; editing: DraftEditing }]>;

  constructor(db: Database) {
    this.insert = db.prepare(`INSERT INTO drafts (id, negotiation_id, title, symbol, created_by, created_at, updated_at, editing)
      VALUES (@id, @negotiationId, @title, @symbol, @createdBy, @createdAt, @updatedAt, @editing)`);
    this.byId = db.prepare(`SELECT ${COLUMNS} FROM drafts WHERE id = ?`);
    this.all = db.prepare(`SELECT ${COLUMNS} FROM drafts ORDER BY updated_at DESC, id`);
    this.inNegotiations = db.prepare(`SELECT ${COLUMNS} FROM drafts
      WHERE negotiation_id IN (SELECT value FROM json_each(?)) ORDER BY updated_at DESC, id`);
    this.moveForward = db.prepare('UPDATE drafts SET updated_at = @at WHERE id = @id AND updated_at < @at');
    this.heading = db.prepare('UPDATE drafts SET title = @title, symbol = @symbol WHERE id = @id');
    this.editing = db.prepare('UPDATE drafts SET editing = @editing WHERE id = @id');
  }

  async create(draft: DraftRecord): Promise<void> {
    insertUnique(`Draft ${draft.id}`, () => this.insert.run(draft));
  }

  async get(id: string): Promise<DraftRecord | null> {
    return this.byId.get(id) ?? null;
  }

  async list(negotiationIds?: readonly string[]): Promise<DraftRecord[]> {
    return negotiationIds ? this.inNegotiations.all(JSON.stringify(negotiationIds)) : this.all.all();
  }

  async touch(id: string, at: string): Promise<void> {
    this.moveForward.run({ id, at });
  }

  async setHeading(id: string, { title, symbol }: DraftHeading): Promise<void> {
    this.heading.run({ id, title, symbol });
  }

  async setEditing(id: string, editing: DraftEditing): Promise<DraftRecord | null> {
    // Synchronous driver: nothing runs between the update and the read.
    return this.editing.run({ id, editing }).changes === 1 ? (this.byId.get(id) ?? null) : null;
  }
}
