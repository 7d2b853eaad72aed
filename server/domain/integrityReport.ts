import type { CorruptionLog } from '../store/corruption';

export interface IntegrityCheck {
  /** 'corrupt' once any read met a stored blob that fails its checksum (since the server started). */
  status: 'ok' | 'corrupt';
  /** Drafts with damaged data, and what was damaged: a snapshot or log entry (by seq) or a version (by id). */
  corrupt: ReturnType<CorruptionLog['report']>['records'];
  /** Detections beyond those listed. */
  notListed: number;
}

/**
 * The integrity part of /healthz. Damage does not make the instance unhealthy (every other draft
 * is served, and the damaged one loads from what is intact), so it reports rather than fails:
 * an operator restores the named blobs from a backup.
 */
export function integrityReport(corruption: CorruptionLog): IntegrityCheck {
  const { records, notKept } = corruption.report();
  return { status: records.length === 0 ? 'ok' : 'corrupt', corrupt: records, notListed: notKept };
}
