import type { CommentThread } from '../../shared/comments';
import type { ActivityEntry, VersionComparison, VersionDetail, VersionSummary } from '../../shared/versions';
import { ApiError } from './apiError';

/** The per-draft REST routes used by the Comments and History panels. */
export class DraftApi {
  private readonly base: string;

  constructor(
    draftId: string,
    private readonly token: string,
    private readonly fetchImpl: typeof fetch = (input, init) => fetch(input, init),
  ) {
    this.base = `/api/drafts/${encodeURIComponent(draftId)}`;
  }

  async threads(): Promise<CommentThread[]> {
    return (await this.request<{ threads: CommentThread[] }>('GET', '/comments')).threads;
  }

  async versions(): Promise<VersionSummary[]> {
    return (await this.request<{ versions: VersionSummary[] }>('GET', '/versions')).versions;
  }

  async nameVersion(name: string): Promise<VersionSummary> {
    return (await this.request<{ version: VersionSummary }>('POST', '/versions', { name })).version;
  }

  version(id: string): Promise<VersionDetail> {
    return this.request('GET', `/versions/${encodeURIComponent(id)}`);
  }

  async restore(id: string): Promise<VersionSummary> {
    return (await this.request<{ version: VersionSummary }>('POST', `/versions/${encodeURIComponent(id)}/restore`)).version;
  }

  compare(from: string, to: string): Promise<VersionComparison> {
    return this.request('GET', `/compare?${new URLSearchParams({ from, to }).toString()}`);
  }

  async activity(): Promise<ActivityEntry[]> {
    return (await this.request<{ activity: ActivityEntry[] }>('GET', '/activity')).activity;
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Bearer ${this.token}` };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await this.fetchImpl(this.base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      throw new ApiError(0, 'The server cannot be reached. Check your connection and try again.');
    }
    const payload = (await response.json().catch(() => null)) as { error?: unknown } | null;
    if (!response.ok) {
      throw new ApiError(response.status, typeof payload?.error === 'string' ? payload.error : `Request failed (${response.status}).`);
    }
    return payload as T;
  }
}
