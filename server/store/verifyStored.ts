import { matchesChecksum } from './checksum';
import type { CorruptionLog, CorruptRecord } from './corruption';
import { CorruptDataError } from './corruption';
import type { DocumentSnapshot, StoredUpdate } from './types';

/** Snapshots kept per draft: the newest, and the one a damaged newest one falls back to. */
export const KEPT_SNAPSHOTS = 2;

/** A row as an adapter reads it: the blob's checksum beside it (null for rows written before checksums). */
export type Checked<T> = T & { checksum: number | null };

/**
 * Checks what an adapter read against the checksums written with it. Shared by every adapter so
 * that "damaged" means the same thing everywhere and every finding reaches the store's log.
 */
export class StoredDataVerifier {
  constructor(private readonly corruption: CorruptionLog) {}

  /** The newest snapshot of a history (newest first) that is intact; damaged ones are noted in `corrupt`. */
  newestIntactSnapshot(draftId: string, history: Array<Checked<DocumentSnapshot>>, corrupt: CorruptRecord[]): DocumentSnapshot | null {
    for (const { state, seq, checksum } of history) {
      if (matchesChecksum(state, checksum)) return { state, seq };
      corrupt.push(this.noted({ draftId, kind: 'snapshot', ref: String(seq) }));
    }
    return null;
  }

  /** The intact log entries, in order; damaged ones are noted in `corrupt`. */
  intactUpdates(rows: Array<Checked<StoredUpdate>>, corrupt: CorruptRecord[]): StoredUpdate[] {
    const intact: StoredUpdate[] = [];
    for (const row of rows) {
      if (this.isIntactUpdate(row)) intact.push(withoutChecksum(row));
      else corrupt.push(this.noted({ draftId: row.draftId, kind: 'update', ref: String(row.seq) }));
    }
    return intact;
  }

  /** The log entry itself; throws CorruptDataError when it is damaged. */
  update(row: Checked<StoredUpdate>): StoredUpdate {
    if (!this.isIntactUpdate(row)) throw new CorruptDataError(this.noted({ draftId: row.draftId, kind: 'update', ref: String(row.seq) }));
    return withoutChecksum(row);
  }

  /** The version's record; throws CorruptDataError when its state is damaged. */
  version<V extends { id: string; draftId: string; state: Uint8Array }>(row: Checked<V>): V {
    if (!matchesChecksum(row.state, row.checksum)) throw new CorruptDataError(this.noted({ draftId: row.draftId, kind: 'version', ref: row.id }));
    return withoutChecksum(row) as V;
  }

  private isIntactUpdate(row: Checked<StoredUpdate>): boolean {
    return matchesChecksum(row.update, row.checksum);
  }

  private noted(record: CorruptRecord): CorruptRecord {
    this.corruption.note(record);
    return record;
  }
}

function withoutChecksum<T>(row: Checked<T>): T {
  const { checksum: _checksum, ...rest } = row;
  return rest as T;
}
