import type { Database, Statement, Transaction } from 'better-sqlite3';
import { commentPatchEntries, type CommentPatchField } from '../commentPatchEntries';
import type { CommentPatch, CommentRecord, CommentStore } from '../types';
import { insertUnique } from './insertUnique';

type CommentRow = Omit<CommentRecord, 'anchor'> & { anchor: string | null };

const COLUMNS = `id, draft_id AS draftId, thread_id AS threadId, author_id AS authorId, author_name AS authorName,
  delegation, text, anchor, created_at AS createdAt, edited_at AS editedAt, deleted_at AS deletedAt,
  resolved_at AS resolvedAt, resolved_by AS resolvedBy, visibility`;

const PATCH_COLUMNS: Record<CommentPatchField, string> = {
  text: 'text',
  editedAt: 'edited_at',
  deletedAt: 'deleted_at',
  resolvedAt: 'resolved_at',
  resolvedBy: 'resolved_by',
};

function toRecord(row: CommentRow): CommentRecord {
  return { ...row, anchor: row.anchor === null ? null : JSON.parse(row.anchor) };
}

export class SqliteCommentStore implements CommentStore {
  private readonly insert: Statement<[CommentRow]>;
  private readonly byId: Statement<[string], CommentRow>;
  private readonly byDraft: Statement<[string], CommentRow>;
  private readonly byThread: Statement<[string], CommentRow>;
  private readonly openThreads: Statement<[string], { n: number }>;
  private readonly replies: Statement<[string], { n: number }>;
  private readonly byAuthorSince: Statement<[string, string, string], { n: number }>;
  private readonly patchOne: Transaction<(id: string, patch: CommentPatch) => CommentRow | undefined>;

  constructor(db: Database) {
    this.insert = db.prepare(`INSERT INTO comments (id, draft_id, thread_id, author_id, author_name, delegation, text,
        anchor, created_at, edited_at, deleted_at, resolved_at, resolved_by, visibility)
      VALUES (@id, @draftId, @threadId, @authorId, @authorName, @delegation, @text,
        @anchor, @createdAt, @editedAt, @deletedAt, @resolvedAt, @resolvedBy, @visibility)`);
    this.byId = db.prepare(`SELECT ${COLUMNS} FROM comments WHERE id = ?`);
    // id breaks ties between comments made in the same millisecond, as in the MongoDB adapter.
    this.byDraft = db.prepare(`SELECT ${COLUMNS} FROM comments WHERE draft_id = ? ORDER BY created_at, id`);
    this.byThread = db.prepare(`SELECT ${COLUMNS} FROM comments WHERE thread_id = ? ORDER BY created_at, id`);
    this.openThreads = db.prepare('SELECT COUNT(*) AS n FROM comments WHERE draft_id = ? AND id = thread_id AND resolved_at IS NULL');
    this.replies = db.prepare('SELECT COUNT(*) AS n FROM comments WHERE thread_id = ? AND id <> thread_id');
    this.byAuthorSince = db.prepare('SELECT COUNT(*) AS n FROM comments WHERE draft_id = ? AND author_id = ? AND created_at >= ?');
    this.patchOne = db.transaction((id: string, patch: CommentPatch) => {
      const entries = commentPatchEntries(patch);
      if (entries.length > 0) {
        const assignments = entries.map(([field]) => `${PATCH_COLUMNS[field]} = @${field}`).join(', ');
        db.prepare(`UPDATE comments SET ${assignments} WHERE id = @id`).run({ ...Object.fromEntries(entries), id });
      }
      return this.byId.get(id);
    });
  }

  async create(comment: CommentRecord): Promise<void> {
    const row = { ...comment, anchor: comment.anchor ? JSON.stringify(comment.anchor) : null };
    insertUnique(`Comment ${comment.id}`, () => this.insert.run(row));
  }

  async get(id: string): Promise<CommentRecord | null> {
    const row = this.byId.get(id);
    return row ? toRecord(row) : null;
  }

  async update(id: string, patch: CommentPatch): Promise<CommentRecord | null> {
    const row = this.patchOne.immediate(id, patch);
    return row ? toRecord(row) : null;
  }

  async listByDraft(draftId: string): Promise<CommentRecord[]> {
    return this.byDraft.all(draftId).map(toRecord);
  }

  async listThread(threadId: string): Promise<CommentRecord[]> {
    return this.byThread.all(threadId).map(toRecord);
  }

  async countOpenThreads(draftId: string): Promise<number> {
    return this.openThreads.get(draftId)!.n;
  }

  async countReplies(threadId: string): Promise<number> {
    return this.replies.get(threadId)!.n;
  }

  async countByAuthorSince(draftId: string, authorId: string, since: string): Promise<number> {
    return this.byAuthorSince.get(draftId, authorId, since)!.n;
  }
}
