import type { CorruptionLog } from '../store/corruption';
import type { HealthCheck } from './health';

export interface IntegrityReport {
  /** 'corrupt' once any read met a stored blob that fails its checksum (since the server started). */
  status: 'ok' | 'corrupt';
  /** Drafts with damaged data, and what was damaged: a snapshot or log entry (by seq) or a version (by id). */
  corrupt: ReturnType<CorruptionLog['report']>['records'];
  /** Detections beyond those listed. */
  notListed: number;
}

/**
 * Damaged stored data, as found by reads. Damage does not make the instance unhealthy (every
 * other draft is served, and the damaged one loads from what is intact), so the check reports
 * rather than fails: an operator restores the named blobs from a backup.
 */
export function integrityCheck(corruption: CorruptionLog): HealthCheck {
  return () => {
    const { records, notKept } = corruption.report();
    const report: IntegrityReport = { status: records.length === 0 ? 'ok' : 'corrupt', corrupt: records, notListed: notKept };
    return { ok: true, ...report };
  };
}
