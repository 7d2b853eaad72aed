import type { Database, Statement, Transaction } from 'better-sqlite3';
import type { ProposalEvent, ProposalStatus } from '../../../shared/proposals';
import { proposalPatchEntries, type ProposalPatchField } from '../proposalPatchEntries';
import type { ProposalPatch, ProposalRecord, ProposalStore } from '../types';
import { insertUnique } from './insertUnique';

/** The fields stored as JSON text. */
const JSON_FIELDS = ['anchor', 'supporters', 'objectors', 'decidedBy', 'result', 'events'] as const;
type JsonField = (typeof JSON_FIELDS)[number];

type ProposalRow = Omit<ProposalRecord, JsonField> & { [F in JsonField]: string | null };

const COLUMNS = `id, draft_id AS draftId, negotiation_id AS negotiationId, kind, status, author_id AS authorId,
  author_name AS authorName, delegation, created_at AS createdAt, updated_at AS updatedAt, round,
  paragraph_id AS paragraphId, anchor, text, paragraph_type AS paragraphType, level, justification,
  supporters, objectors, decided_by AS decidedBy, result, events`;

const PATCH_COLUMNS: Record<ProposalPatchField, string> = {
  status: 'status',
  text: 'text',
  anchor: 'anchor',
  justification: 'justification',
  supporters: 'supporters',
  objectors: 'objectors',
  decidedBy: 'decided_by',
  result: 'result',
  updatedAt: 'updated_at',
};

const isJsonField = (field: string): field is JsonField => (JSON_FIELDS as readonly string[]).includes(field);

/** A null stays SQL NULL (anchor, decidedBy and result are null until set). */
const toJson = (value: unknown): string | null => (value === null ? null : JSON.stringify(value));
const fromJson = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

function toRow(record: ProposalRecord): ProposalRow {
  return {
    ...record,
    anchor: toJson(record.anchor),
    supporters: toJson(record.supporters),
    objectors: toJson(record.objectors),
    decidedBy: toJson(record.decidedBy),
    result: toJson(record.result),
    events: toJson(record.events),
  };
}

function toRecord(row: ProposalRow): ProposalRecord {
  return {
    ...row,
    anchor: fromJson(row.anchor) as ProposalRecord['anchor'],
    supporters: fromJson(row.supporters) as string[],
    objectors: fromJson(row.objectors) as string[],
    decidedBy: fromJson(row.decidedBy) as ProposalRecord['decidedBy'],
    result: fromJson(row.result) as ProposalRecord['result'],
    events: fromJson(row.events) as ProposalRecord['events'],
  };
}

export class SqliteProposalStore implements ProposalStore {
  private readonly insert: Statement<[ProposalRow]>;
  private readonly byId: Statement<[string], ProposalRow>;
  private readonly byDraft: Statement<[string], ProposalRow>;
  private readonly byDraftAndStatus: Statement<[string, ProposalStatus], ProposalRow>;
  private readonly pending: Statement<[string, string], { n: number }>;
  private readonly byAuthorSince: Statement<[string, string, string], { n: number }>;
  private readonly compareAndSet: Transaction<
    (id: string, expected: ProposalStatus, patch: ProposalPatch, event: ProposalEvent, expectedEvents: number | null) => ProposalRow | undefined
  >;

  constructor(db: Database) {
    this.insert = db.prepare(`INSERT INTO proposals (id, draft_id, negotiation_id, kind, status, author_id, author_name,
        delegation, created_at, updated_at, round, paragraph_id, anchor, text, paragraph_type, level, justification,
        supporters, objectors, decided_by, result, events)
      VALUES (@id, @draftId, @negotiationId, @kind, @status, @authorId, @authorName,
        @delegation, @createdAt, @updatedAt, @round, @paragraphId, @anchor, @text, @paragraphType, @level, @justification,
        @supporters, @objectors, @decidedBy, @result, @events)`);
    this.byId = db.prepare(`SELECT ${COLUMNS} FROM proposals WHERE id = ?`);
    // id breaks ties between proposals made in the same millisecond, as in the MongoDB adapter.
    this.byDraft = db.prepare(`SELECT ${COLUMNS} FROM proposals WHERE draft_id = ? ORDER BY created_at, id`);
    this.byDraftAndStatus = db.prepare(`SELECT ${COLUMNS} FROM proposals WHERE draft_id = ? AND status = ? ORDER BY created_at, id`);
    this.pending = db.prepare(`SELECT COUNT(*) AS n FROM proposals WHERE draft_id = ? AND delegation = ? AND status = 'pending'`);
    this.byAuthorSince = db.prepare('SELECT COUNT(*) AS n FROM proposals WHERE draft_id = ? AND author_id = ? AND created_at >= ?');
    this.compareAndSet = db.transaction((id: string, expected: ProposalStatus, patch: ProposalPatch, event: ProposalEvent, expectedEvents: number | null) => {
      const entries = proposalPatchEntries(patch);
      const assignments = entries.map(([field]) => `${PATCH_COLUMNS[field]} = @${field}, `).join('');
      const values = Object.fromEntries(entries.map(([field, value]) => [field, isJsonField(field) ? toJson(value) : value]));
      // One statement checks the status (and the event count), applies the patch and appends the event (as silences append breaks).
      const changed = db
        .prepare(
          `UPDATE proposals SET ${assignments}events = json_insert(events, '$[#]', json(@event))
            WHERE id = @id AND status = @expected AND (@expectedEvents IS NULL OR json_array_length(events) = @expectedEvents)`,
        )
        .run({ ...values, event: JSON.stringify(event), id, expected, expectedEvents }).changes;
      return changed === 1 ? this.byId.get(id) : undefined;
    });
  }

  async create(proposal: ProposalRecord): Promise<void> {
    insertUnique(`Proposal ${proposal.id}`, () => this.insert.run(toRow(proposal)));
  }

  async get(id: string): Promise<ProposalRecord | null> {
    const row = this.byId.get(id);
    return row ? toRecord(row) : null;
  }

  async update(id: string, expectedStatus: ProposalStatus, patch: ProposalPatch, event: ProposalEvent, expectedEvents?: number): Promise<ProposalRecord | null> {
    const row = this.compareAndSet.immediate(id, expectedStatus, patch, event, expectedEvents ?? null);
    return row ? toRecord(row) : null;
  }

  async listByDraft(draftId: string, status?: ProposalStatus): Promise<ProposalRecord[]> {
    const rows = status === undefined ? this.byDraft.all(draftId) : this.byDraftAndStatus.all(draftId, status);
    return rows.map(toRecord);
  }

  async countPending(draftId: string, delegation: string): Promise<number> {
    return this.pending.get(draftId, delegation)!.n;
  }

  async countByAuthorSince(draftId: string, authorId: string, since: string): Promise<number> {
    return this.byAuthorSince.get(draftId, authorId, since)!.n;
  }
}
