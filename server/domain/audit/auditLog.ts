import { randomUUID } from 'node:crypto';
import type { PublicUser } from '../../../shared/user';
import type { AuditRecord, AuditStore } from '../../store/types';

/** What the caller says happened; the id and the time are the server's. */
export type AuditEvent = Omit<AuditRecord, 'id' | 'at'>;

/** An event done by a signed-in person (in a negotiation, or server-wide with null). */
export function auditBy(actor: Pick<PublicUser, 'id' | 'displayName'>, negotiationId: string | null, action: string, target: string, detail = ''): AuditEvent {
  return { negotiationId, actorId: actor.id, actorName: actor.displayName, action, target, detail };
}

/** Who did what to whom, when: append-only, written before the action is reported done. */
export class AuditLog {
  constructor(private readonly store: AuditStore) {}

  record(event: AuditEvent): Promise<void> {
    return this.store.append({ ...event, id: randomUUID(), at: new Date().toISOString() });
  }

  /** Newest first; null: the server-wide entries. */
  list(negotiationId: string | null, limit: number): Promise<AuditRecord[]> {
    return this.store.listByNegotiation(negotiationId, limit);
  }
}
