import type { Database } from 'better-sqlite3';
import type { ParagraphStatus, StatusChange } from '../../../shared/paragraphs';
import type { ParagraphStatusRecord, ParagraphStatusStore } from '../types';

interface StatusRow {
  paragraphId: string;
  status: ParagraphStatus;
  pending: string;
}

interface ChangeRow {
  paragraphId: string;
  from: ParagraphStatus;
  to: ParagraphStatus;
  pending: string;
  note: string | null;
  byUserId: string;
  byName: string;
  at: string;
}

export class SqliteParagraphStatusStore implements ParagraphStatusStore {
  constructor(private readonly db: Database) {}

  async listForDraft(draftId: string): Promise<ParagraphStatusRecord[]> {
    return this.read(draftId, null);
  }

  async record(draftId: string, paragraphId: string, change: Omit<StatusChange, 'from'>): Promise<ParagraphStatusRecord> {
    const pending = JSON.stringify(change.pending);
    this.db.transaction(() => {
      const current = this.db
        .prepare<[string, string], { status: ParagraphStatus }>('SELECT status FROM paragraph_statuses WHERE draft_id = ? AND paragraph_id = ?')
        .get(draftId, paragraphId);
      this.db
        .prepare(
          `INSERT INTO paragraph_status_changes (draft_id, paragraph_id, from_status, to_status, pending, note, by_user_id, by_name, at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(draftId, paragraphId, current?.status ?? 'open', change.to, pending, change.note, change.byUserId, change.byName, change.at);
      this.db
        .prepare(
          `INSERT INTO paragraph_statuses (draft_id, paragraph_id, status, pending) VALUES (?, ?, ?, ?)
           ON CONFLICT (draft_id, paragraph_id) DO UPDATE SET status = excluded.status, pending = excluded.pending`,
        )
        .run(draftId, paragraphId, change.to, pending);
    }).immediate();
    return this.read(draftId, paragraphId)[0];
  }

  private read(draftId: string, paragraphId: string | null): ParagraphStatusRecord[] {
    const only = paragraphId === null ? '' : ' AND paragraph_id = @paragraphId';
    const statuses = this.db
      .prepare<{ draftId: string; paragraphId: string | null }, StatusRow>(
        `SELECT paragraph_id AS paragraphId, status, pending FROM paragraph_statuses WHERE draft_id = @draftId${only}`,
      )
      .all({ draftId, paragraphId });
    const changes = this.db
      .prepare<{ draftId: string; paragraphId: string | null }, ChangeRow>(
        `SELECT paragraph_id AS paragraphId, from_status AS "from", to_status AS "to", pending, note, by_user_id AS byUserId, by_name AS byName, at
         FROM paragraph_status_changes WHERE draft_id = @draftId${only} ORDER BY id`,
      )
      .all({ draftId, paragraphId });
    return statuses.map((row) => ({
      draftId,
      paragraphId: row.paragraphId,
      status: row.status,
      pending: JSON.parse(row.pending) as string[],
      history: changes
        .filter((change) => change.paragraphId === row.paragraphId)
        .map(({ paragraphId: _, pending, ...rest }) => ({ ...rest, pending: JSON.parse(pending) as string[] })),
    }));
  }
}
