/** What a read found damaged: a stored blob that no longer matches its checksum. */
export interface CorruptRecord {
  draftId: string;
  kind: 'snapshot' | 'update' | 'version';
  /** The seq of a snapshot or log entry, the id of a version. */
  ref: string;
}

/** Thrown by a read that cannot answer without serving damaged data. */
export class CorruptDataError extends Error {
  constructor(readonly record: CorruptRecord) {
    super(`stored ${record.kind} ${record.ref} of draft ${record.draftId} fails its checksum`);
    this.name = 'CorruptDataError';
  }
}

/** Damaged records kept for the health report; beyond this many only the count grows. */
const MAX_KEPT = 100;

/** Every damaged record a store's reads have met since it was opened, each once. */
export class CorruptionLog {
  private readonly records = new Map<string, CorruptRecord & { detectedAt: string }>();
  private overflow = 0;

  /** Records a damaged blob (once, however often it is read). */
  note(record: CorruptRecord): void {
    const key = `${record.draftId}/${record.kind}/${record.ref}`;
    if (this.records.has(key)) return;
    if (this.records.size >= MAX_KEPT) this.overflow += 1;
    else this.records.set(key, { ...record, detectedAt: new Date().toISOString() });
  }

  /** The damaged records in the order they were found, and how many detections came after the list was full. */
  report(): { records: Array<CorruptRecord & { detectedAt: string }>; notKept: number } {
    return { records: [...this.records.values()], notKept: this.overflow };
  }
}
