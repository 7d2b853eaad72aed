import { ApiError } from '../api/apiError';
import type { ApiClient } from '../api/apiClient';
import type { AccessMemory } from '../app/accessMemory';
import { errorText } from '../app/errorText';
import type { DraftAccess } from '../../shared/negotiations';

/** What the editor learns before it opens a draft. */
export type AccessOutcome =
  | { kind: 'access'; access: DraftAccess }
  /** The server says there is no such draft for this person (never a member, or removed). */
  | { kind: 'not-found' }
  /** No answer from the server and nothing remembered on this device. */
  | { kind: 'unknown'; message: string };

/**
 * The caller's role and delegation in a draft, from `GET /api/drafts/:id`; without a
 * connection, the last ones this device was given, so a draft kept here opens offline.
 */
export async function loadDraftAccess(api: Pick<ApiClient, 'getDraft'>, memory: AccessMemory, draftId: string): Promise<AccessOutcome> {
  try {
    const { access } = await api.getDraft(draftId);
    memory.remember(draftId, access);
    return { kind: 'access', access };
  } catch (failure) {
    if (failure instanceof ApiError && failure.status === 404) {
      memory.forget(draftId);
      return { kind: 'not-found' };
    }
    const remembered = memory.recall(draftId);
    if (remembered) return { kind: 'access', access: remembered };
    return { kind: 'unknown', message: errorText(failure) };
  }
}

/** Whether the server now gives a different role or delegation than the page was built for. */
export function accessChanged(shown: DraftAccess, now: DraftAccess): boolean {
  return shown.role !== now.role || shown.delegation !== now.delegation || shown.negotiationId !== now.negotiationId;
}
