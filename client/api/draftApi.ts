import type { CommentThread } from '../../shared/comments';
import type { ParagraphView } from '../../shared/paragraphs';
import type { SponsorsView } from '../../shared/sponsors';
import type { OralRevision, OralRevisionInput } from '../../shared/oralRevisions';
import type { SilenceView } from '../../shared/silence';
import type { AcceptedProposalEntry, DraftEditing, DraftEditingView, ProducedRange, ProposalActivityEntry, ProposalStatus, ProposalView } from '../../shared/proposals';
import type { ActivityEntry, VersionComparison, VersionDetail, VersionSummary } from '../../shared/versions';
import type { ApiClient } from './apiClient';
import { ApiError } from './apiError';

/** What the History panel shows of GET /activity (a server without proposals sends none). */
export interface ActivityTimeline {
  activity: ActivityEntry[];
  proposals: ProposalActivityEntry[];
}

export type ComparisonWithProposals = VersionComparison & { acceptedProposals: AcceptedProposalEntry[] };

/** The per-draft REST routes used by the Comments, History and Progress panels and the margin labels. */
export class DraftApi {
  private readonly base: string;

  constructor(
    draftId: string,
    private readonly api: Pick<ApiClient, 'request'>,
  ) {
    this.base = `/api/drafts/${encodeURIComponent(draftId)}`;
  }

  /** The draft's record (`GET /api/drafts/:id`): its title, symbol and editing rule, and the caller's access. */
  draft(): ReturnType<ApiClient['getDraft']> {
    return this.request('GET', '');
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

  /** The comparison, with the proposals accepted between its two ends. */
  async compare(from: string, to: string): Promise<ComparisonWithProposals> {
    const comparison = await this.request<Partial<ComparisonWithProposals> & VersionComparison>('GET', `/compare?${new URLSearchParams({ from, to }).toString()}`);
    return { ...comparison, acceptedProposals: comparison.acceptedProposals ?? [] };
  }

  /** Stretches of editing and proposal events, each newest first. */
  async activity(): Promise<ActivityTimeline> {
    const { activity, proposals } = await this.request<{ activity: ActivityEntry[]; proposals?: ProposalActivityEntry[] }>('GET', '/activity');
    return { activity, proposals: proposals ?? [] };
  }

  /** The draft's proposals, oldest first, optionally of one status. */
  async proposals(status?: ProposalStatus): Promise<ProposalView[]> {
    const query = status ? `?${new URLSearchParams({ status }).toString()}` : '';
    return (await this.request<{ proposals: ProposalView[] }>('GET', `/proposals${query}`)).proposals;
  }

  /** The text now in a paragraph that accepted proposals wrote. */
  async producedRanges(paragraphId: string): Promise<ProducedRange[]> {
    return (await this.request<{ ranges: ProducedRange[] }>('GET', `/proposals/produced?${new URLSearchParams({ paragraphId }).toString()}`)).ranges;
  }

  /** Facilitator: direct edits or proposals only, for delegates. */
  setEditing(editing: DraftEditing): Promise<DraftEditingView> {
    return this.request('PUT', '/editing', { editing });
  }

  /** Every paragraph with its stable label and status, in document order. */
  async paragraphs(): Promise<ParagraphView[]> {
    return (await this.request<{ paragraphs: ParagraphView[] }>('GET', '/paragraphs')).paragraphs;
  }

  /** The rounds of the draft, newest first: versions that became the base of a round. */
  async rounds(): Promise<VersionSummary[]> {
    return (await this.request<{ rounds: VersionSummary[] }>('GET', '/rounds')).rounds;
  }

  async startRound(name: string): Promise<VersionSummary> {
    return (await this.request<{ version: VersionSummary }>('POST', '/rounds', { name })).version;
  }

  /** Facilitators: a paragraph's new text as a delegation read it out in the room. */
  reviseOrally(revision: OralRevisionInput): Promise<OralRevision> {
    return this.request('POST', '/oral-revisions', revision);
  }

  /** The delegations sponsoring the draft, and every change to them. */
  sponsors(): Promise<SponsorsView> {
    return this.request('GET', '/sponsors');
  }

  /** Facilitators: the main sponsors, in the order the heading lists them. */
  setSponsors(sponsors: string[]): Promise<SponsorsView> {
    return this.request('PUT', '/sponsors', { sponsors });
  }

  /** The caller's delegation joins (true) or leaves (false) the co-sponsors. */
  cosponsor(join: boolean): Promise<SponsorsView> {
    return this.request(join ? 'POST' : 'DELETE', '/cosponsors');
  }

  /** The draft's current or last silence procedure. */
  async silence(): Promise<SilenceView | null> {
    return (await this.request<{ silence: SilenceView | null }>('GET', '/silence')).silence;
  }

  async startSilence(until: string, zone: string): Promise<SilenceView> {
    return (await this.request<{ silence: SilenceView }>('POST', '/silence', { until, zone })).silence;
  }

  async breakSilence(statement: string): Promise<SilenceView> {
    return (await this.request<{ silence: SilenceView }>('POST', '/silence/break', { statement })).silence;
  }

  async cancelSilence(): Promise<SilenceView> {
    return (await this.request<{ silence: SilenceView }>('DELETE', '/silence')).silence;
  }

  /** Each paragraph's label of the round by id; null when the server has no labels to give (404). */
  async stableLabels(): Promise<Map<string, string> | null> {
    try {
      return new Map((await this.paragraphs()).map((p) => [p.id, p.label]));
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 404) return null;
      throw failure;
    }
  }

  private request<T>(method: string, path: string, body?: unknown): Promise<T> {
    return this.api.request<T>(method, this.base + path, body);
  }
}
