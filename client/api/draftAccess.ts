import type { DraftAccess } from '../../shared/negotiations';
import type { ApiClient } from './apiClient';
import { ApiError } from './apiError';

const storageKey = (userId: string, draftId: string) => `access:${userId}:${draftId}`;

/**
 * The person's role and delegation in a draft's negotiation: asked of the server, and kept on
 * this device so that a draft opened before can be opened offline. null when the server says
 * there is no such draft (or none the person may see).
 */
export async function loadDraftAccess(api: ApiClient, userId: string, draftId: string): Promise<DraftAccess | null> {
  try {
    const { access } = await api.openDraft(draftId);
    localStorage.setItem(storageKey(userId, draftId), JSON.stringify(access));
    return access;
  } catch (failure) {
    if (failure instanceof ApiError && failure.status === 404) {
      localStorage.removeItem(storageKey(userId, draftId));
      return null;
    }
    const kept = localStorage.getItem(storageKey(userId, draftId));
    if (kept) return JSON.parse(kept) as DraftAccess;
    throw failure;
  }
}
