import type { Database } from 'better-sqlite3';
import type { SponsorChange } from '../../../shared/sponsors';
import type { SponsorsRecord, SponsorStore } from '../types';

export class SqliteSponsorStore implements SponsorStore {
  constructor(private readonly db: Database) {}

  async get(draftId: string): Promise<SponsorsRecord | null> {
    return this.read(draftId);
  }

  async record(draftId: string, change: SponsorChange): Promise<SponsorsRecord> {
    this.db.transaction(() => {
      this.db.prepare('INSERT INTO draft_sponsor_changes (draft_id, change) VALUES (?, ?)').run(draftId, JSON.stringify(change));
      this.db
        .prepare(
          `INSERT INTO draft_sponsors (draft_id, sponsors, cosponsors) VALUES (?, ?, ?)
           ON CONFLICT (draft_id) DO UPDATE SET sponsors = excluded.sponsors, cosponsors = excluded.cosponsors`,
        )
        .run(draftId, JSON.stringify(change.sponsors), JSON.stringify(change.cosponsors));
    }).immediate();
    return this.read(draftId)!;
  }

  private read(draftId: string): SponsorsRecord | null {
    const row = this.db
      .prepare<[string], { sponsors: string; cosponsors: string }>('SELECT sponsors, cosponsors FROM draft_sponsors WHERE draft_id = ?')
      .get(draftId);
    if (!row) return null;
    const changes = this.db
      .prepare<[string], { change: string }>('SELECT change FROM draft_sponsor_changes WHERE draft_id = ? ORDER BY id')
      .all(draftId);
    return {
      draftId,
      sponsors: JSON.parse(row.sponsors) as string[],
      cosponsors: JSON.parse(row.cosponsors) as string[],
      history: changes.map(({ change }) => JSON.parse(change) as SponsorChange),
    };
  }
}
