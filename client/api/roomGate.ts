import type { ApiClient } from './apiClient';

type Requester = Pick<ApiClient, 'request'>;

/**
 * Holds a draft page's requests until its socket.io room first answers the join. Broadcasts only
 * reach members of the room, so a list read before the join may miss a change made before it;
 * read after, it misses nothing. The panels ask for their lists as they are built (and again as
 * the sidebar restores a tab): those held GETs share one request per path, sent on the join.
 * Later joins (reconnects) find the gate open, and the page reloads what it must.
 */
export class RoomGate {
  private open = false;
  private release!: () => void;
  private readonly joined = new Promise<void>((resolve) => (this.release = resolve));
  /** Held GETs by path. */
  private readonly held = new Map<string, Promise<unknown>>();

  /** The room answered the join (or failed to): true the first time, when the held requests go out and there is nothing to reload. */
  roomAnswered(): boolean {
    const first = !this.open;
    this.open = true;
    this.release();
    return first;
  }

  /** `api` with its requests held until the first join. */
  hold(api: Requester): Requester {
    return {
      request: <T>(method: string, path: string, body?: unknown): Promise<T> => {
        if (this.open) return api.request<T>(method, path, body);
        if (method !== 'GET') return this.joined.then(() => api.request<T>(method, path, body));
        const shared = this.held.get(path) ?? this.joined.then(() => api.request<T>('GET', path)).finally(() => this.held.delete(path));
        this.held.set(path, shared);
        return shared as Promise<T>;
      },
    };
  }
}
