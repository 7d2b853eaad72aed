import type { CommentThread } from '../../shared/comments';
import type { ParagraphView } from '../../shared/paragraphs';
import type { ActivityEntry, VersionComparison, VersionDetail, VersionSummary } from '../../shared/versions';
import type { ApiClient } from './apiClient';

/** The per-draft REST routes used by the Comments, History and Progress panels. */
export class DraftApi {
  private readonly base: string;

  constructor(
    draftId: string,
    private readonly api: Pick<ApiClient, 'request'>,
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

  /** Every paragraph with its stable label and status, in document order. */
  async paragraphs(): Promise<ParagraphView[]> {
    return (await this.request<{ paragraphs: ParagraphView[] }>('GET', '/paragraphs')).paragraphs;
  }

  /** The rounds of the draft: versions that became the base of a round. */
  async rounds(): Promise<VersionSummary[]> {
    return (await this.request<{ rounds: VersionSummary[] }>('GET', '/rounds')).rounds;
  }

  private request<T>(method: string, path: string, body?: unknown): Promise<T> {
    return this.api.request<T>(method, this.base + path, body);
  }
}
