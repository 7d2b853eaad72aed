import type { Database } from 'better-sqlite3';
import type { SilenceBreak, SilenceState } from '../../../shared/silence';
import type { SilenceRecord, SilenceStore } from '../types';

interface SilenceRow {
  id: string;
  draftId: string;
  until: string;
  zone: string;
  startedBy: string;
  startedAt: string;
  state: SilenceState;
  concludedAt: string | null;
  breaks: string;
}

const COLUMNS = `id, draft_id AS draftId, until, zone, started_by AS startedBy, started_at AS startedAt, state,
  concluded_at AS concludedAt, breaks`;

export class SqliteSilenceStore implements SilenceStore {
  constructor(private readonly db: Database) {}

  async create(record: SilenceRecord): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO silences (id, draft_id, until, zone, started_by, started_at, state, concluded_at, breaks)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(record.id, record.draftId, record.until, record.zone, JSON.stringify(record.startedBy), record.startedAt, record.state, record.concludedAt, JSON.stringify(record.breaks));
  }

  async latest(draftId: string): Promise<SilenceRecord | null> {
    const row = this.db.prepare<[string], SilenceRow>(`SELECT ${COLUMNS} FROM silences WHERE draft_id = ? ORDER BY rowid DESC LIMIT 1`).get(draftId);
    return row ? recordOf(row) : null;
  }

  async listOpen(): Promise<SilenceRecord[]> {
    return this.db.prepare<[], SilenceRow>(`SELECT ${COLUMNS} FROM silences WHERE state = 'open' ORDER BY rowid`).all().map(recordOf);
  }

  async addBreak(id: string, entry: SilenceBreak): Promise<SilenceRecord | null> {
    // json_insert appends in the same statement that checks the state: no break lands after the end.
    const changed = this.db
      .prepare(`UPDATE silences SET breaks = json_insert(breaks, '$[#]', json(?)) WHERE id = ? AND state = 'open'`)
      .run(JSON.stringify(entry), id).changes;
    return changed === 1 ? this.get(id) : null;
  }

  async end(id: string, state: Exclude<SilenceState, 'open'>, at: string): Promise<SilenceRecord | null> {
    const changed = this.db.prepare(`UPDATE silences SET state = ?, concluded_at = ? WHERE id = ? AND state = 'open'`).run(state, at, id).changes;
    return changed === 1 ? this.get(id) : null;
  }

  private get(id: string): SilenceRecord | null {
    const row = this.db.prepare<[string], SilenceRow>(`SELECT ${COLUMNS} FROM silences WHERE id = ?`).get(id);
    return row ? recordOf(row) : null;
  }
}

function recordOf(row: SilenceRow): SilenceRecord {
  return { ...row, startedBy: JSON.parse(row.startedBy) as SilenceRecord['startedBy'], breaks: JSON.parse(row.breaks) as SilenceBreak[] };
}
