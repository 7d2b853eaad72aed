import { randomUUID } from 'node:crypto';
import {
  ANCHORED_KINDS,
  WORDED_KINDS,
  type AcceptedProposalEntry,
  type ProducedRange,
  type ProposalAnchor,
  type ProposalResult,
  type ProposalAction,
  type ProposalActivityEntry,
  type ProposalStatus,
  type ProposalView,
} from '../../../shared/proposals';
import { newParagraphId } from '../../../shared/paragraphIds';
import { canEditText, isFacilitator } from '../../../shared/roles';
import { withDeadline } from '../../deadline';
import type { Logger } from '../../logger';
import type { ProposalPatch, ProposalRecord, ProposalStore, VersionStore } from '../../store/types';
import type { DraftMember } from '../access/draftMember';
import { auditBy, type AuditLog } from '../audit/auditLog';
import { KeyedSerializer } from '../comments/keyedSerializer';
import { DomainError } from '../domainError';
import type { LabelSource } from '../labels/paragraphLabels';
import type { RevisableDraft, RevisableDrafts } from '../oralRevisions/oralRevisionService';
import { draftNodeOf } from '../paragraphs/draftNode';
import { applyProposal } from './applyProposal';
import { checkProposalAgainstDocument } from './checkProposal';
import { currentRound } from './currentRound';
import { acceptedEntries, activityEntries, type HistorySpan } from './proposalHistory';
import { editedInput, type ProposalChange, type ProposalCreateInput } from './proposalInput';
import { toProposalView } from './proposalView';
import { producedRanges } from './producedRanges';
import { takeStance, type Stance } from './proposalStance';
import { changeRevertibly } from './revertibleChange';
import { sameAnchor, sameChange } from './sameChange';
import { supersededBy } from './supersededBy';

/** How many proposals a delegation may keep open and a person may make. */
export interface ProposalLimits {
  pendingProposalsPerDelegation: number;
  proposalsPerUserPerHour: number;
}

/** Tells the draft's room of a new or changed proposal (the socket.io broadcast). */
export type ProposalAnnounce = (event: 'proposal:created' | 'proposal:updated', proposal: ProposalView) => void;

export interface ProposalServiceOptions {
  proposals: ProposalStore;
  versions: VersionStore;
  drafts: RevisableDrafts;
  labels: LabelSource;
  audit: AuditLog;
  announce: ProposalAnnounce;
  logger: Logger;
  limits: ProposalLimits;
  durableWaitMs: number;
}

/** One step of a pending proposal: what changes and how its history names it. */
interface Step {
  patch: ProposalPatch;
  action: ProposalAction;
  note?: string | null;
  /**
   * A decision (withdraw, reject): it ends the proposal whatever stances or edits came since it was
   * read, so only the status is compared, not the event count; stances taken without end on other
   * instances cannot make it fail.
   */
  decides?: true;
}

const HOUR_MS = 60 * 60 * 1000;
/** Reads and writes of one step when other instances keep changing the proposal in between. */
const MAX_STEP_ATTEMPTS = 5;
const STANCE_ACTIONS: Record<Stance, ProposalAction> = { support: 'supported', object: 'objected', abstain: 'abstained' };

/**
 * The rules of proposals (issue 11). Author, delegation, time and round are the server's; every
 * anchor is checked against the live text; only the facilitator decides, and an accepted proposal
 * is written into the text by the server in the proposing delegation's name. Changes to one
 * draft's proposals run one at a time (limits cannot overshoot, support is never lost to a race),
 * and every write is a compare-and-set on the status, so a decision happens once.
 */
export class ProposalService {
  private readonly perDraft = new KeyedSerializer();

  constructor(private readonly options: ProposalServiceOptions) {}

  /** The draft's proposals, oldest first (the caller checked the reader's access). */
  async list(draftId: string, status?: ProposalStatus): Promise<ProposalView[]> {
    return (await this.options.proposals.listByDraft(draftId, status)).map(toProposalView);
  }

  /** The draft a proposal belongs to (for the caller to check the person joined it). */
  async draftOf(proposalId: string): Promise<string> {
    const proposal = await this.options.proposals.get(proposalId);
    if (!proposal) throw new DomainError('no such proposal', 404);
    return proposal.draftId;
  }

  async create(member: DraftMember, input: ProposalCreateInput): Promise<ProposalView> {
    mustTakePart(member);
    const { draftId, kind } = input;
    return this.perDraft.run(draftId, async () => {
      await this.mustBeUnderLimits(member, draftId);
      const round = await currentRound(this.options.versions, draftId);
      const { paragraphId, quote } = await this.options.drafts.read(draftId, (doc) => checkProposalAgainstDocument(doc, input));
      const at = new Date().toISOString();
      const record: ProposalRecord = {
        id: randomUUID(),
        draftId,
        negotiationId: member.negotiationId,
        kind,
        status: 'pending',
        authorId: member.id,
        authorName: member.displayName,
        delegation: member.delegation,
        createdAt: at,
        updatedAt: at,
        round,
        paragraphId,
        anchor: ANCHORED_KINDS.has(kind) ? withQuote(input.anchor!, quote) : null,
        text: WORDED_KINDS.has(kind) ? input.text! : null,
        paragraphType: kind === 'new_paragraph' ? input.paragraphType! : null,
        level: kind === 'new_paragraph' && input.paragraphType === 'operative_paragraph' ? (input.level ?? 0) : null,
        justification: input.justification || null,
        supporters: [],
        objectors: [],
        decidedBy: null,
        result: null,
        events: [{ action: 'created', ...eventBy(member, at), note: null }],
      };
      await this.options.proposals.create(record);
      const view = toProposalView(record);
      this.options.announce('proposal:created', view);
      return view;
    });
  }

  /** The proposing delegation corrects or extends its pending proposal; changed wording clears the support it had. */
  edit(member: DraftMember, proposalId: string, change: ProposalChange): Promise<ProposalView> {
    return this.step(member, proposalId, mustBeProposer, async (proposal) => {
      const input = editedInput(proposal, change);
      // Only wording that differs clears support: resending the same text or anchor must not wipe objections.
      const rewords = (change.text !== undefined && change.text !== proposal.text) || (change.anchor !== undefined && !sameAnchor(change.anchor, proposal.anchor));
      const justification = input.justification || null;
      // An edit that changes nothing writes nothing: a modified client could otherwise fill the history.
      if (!rewords && justification === proposal.justification) return null;
      if (!rewords) return { action: 'edited', patch: { justification } };
      const checked = await this.options.drafts.read(proposal.draftId, (doc) => checkProposalAgainstDocument(doc, input));
      if (checked.paragraphId !== proposal.paragraphId) throw new DomainError('a proposal stays in its paragraph; make a new one for another paragraph');
      const anchor = input.anchor ? withQuote(input.anchor, checked.quote) : null;
      return { action: 'edited', patch: { text: input.text ?? null, anchor, supporters: [], objectors: [], justification } };
    });
  }

  support(member: DraftMember, proposalId: string): Promise<ProposalView> {
    return this.stance(member, proposalId, 'support');
  }

  object(member: DraftMember, proposalId: string): Promise<ProposalView> {
    return this.stance(member, proposalId, 'object');
  }

  abstain(member: DraftMember, proposalId: string): Promise<ProposalView> {
    return this.stance(member, proposalId, 'abstain');
  }

  async withdraw(member: DraftMember, proposalId: string): Promise<ProposalView> {
    const withdrawn = await this.step(member, proposalId, mustBeProposer, (_proposal, at) => ({
      action: 'withdrawn',
      patch: { status: 'withdrawn', decidedBy: decider(member, at) },
      decides: true,
    }));
    await this.audited(member, 'proposal-withdraw', withdrawn);
    return withdrawn;
  }

  async reject(member: DraftMember, proposalId: string, reason?: string): Promise<ProposalView> {
    const rejected = await this.step(member, proposalId, mustDecide, (_proposal, at) => ({
      action: 'rejected',
      patch: { status: 'rejected', decidedBy: decider(member, at) },
      note: reason || null,
      decides: true,
    }));
    await this.audited(member, 'proposal-reject', rejected);
    return rejected;
  }

  /**
   * Writes the proposal into the live text in the proposing delegation's name, then records the
   * decision; a record that cannot be written takes the text change back. Pending proposals the
   * change invalidates become superseded. With `seen` (the revision the facilitator's screen showed)
   * a proposal edited after it is refused: its new wording has not been shown to them yet.
   */
  async accept(member: DraftMember, proposalId: string, seen?: number): Promise<ProposalView> {
    mustDecide(member);
    const { draftId } = await this.mustGet(member, proposalId);
    return this.perDraft.run(draftId, async () => {
      const proposal = mustBePending(await this.mustGet(member, proposalId));
      if (seen !== undefined && editedSince(proposal, seen)) throw new DomainError('the proposal was edited after you saw it; review it again', 409);
      const others = (await this.options.proposals.listByDraft(draftId, 'pending')).filter(({ id }) => id !== proposalId).map(toProposalView);
      const { accepted, supersededIds } = await this.options.drafts.withRoom(draftId, (draft) => this.applyAndRecord(draft, member, proposal, others));
      this.options.announce('proposal:updated', accepted);
      const superseded = await this.supersede(member, accepted, supersededIds);
      await this.audited(member, 'proposal-accept', accepted, { superseded });
      return accepted;
    });
  }

  /** Accept's work in the live room: checks, the change in the proposer's name, then the record (or the change taken back). */
  private async applyAndRecord(draft: RevisableDraft, member: DraftMember, proposal: ProposalRecord, others: ProposalView[]) {
    // A change that could not be saved must not be applied: the store takes writes first.
    await withDeadline(draft.captureDurableState(), this.options.durableWaitMs, () => new DomainError('saving is failing; the proposal was not accepted, try again later', 503));
    // No wait from here to the change: a status set meanwhile has locked the room already.
    if (proposal.kind !== 'new_paragraph' && draft.isParagraphLocked(proposal.paragraphId)) {
      throw new DomainError('the paragraph is agreed and locked; reopen it first', 409);
    }
    const change = changeRevertibly(draft, proposal.authorId, (doc) => applyProposal(doc, toProposalView(proposal), newParagraphId));
    try {
      const supersededIds = supersededBy(draft.doc, proposal, others);
      const stored = await this.recordAccepted(member, proposal, change.result);
      change.keep();
      return { accepted: toProposalView(stored), supersededIds };
    } catch (err) {
      change.revert();
      // A refusal (edited or decided meanwhile) is the facilitator's to see; anything else is the store failing.
      const refused = err instanceof DomainError;
      this.options.logger[refused ? 'warn' : 'error']({ err, draftId: proposal.draftId, proposalId: proposal.id }, 'accepted proposal was not recorded; its change to the text was taken back');
      if (refused) throw err;
      throw new DomainError('the decision could not be recorded; the text is as it was, try again', 503);
    }
  }

  /**
   * Records the acceptance of the proposal as it was read and written into the text: the write
   * requires the event count read, so an edit on another instance in between cannot slip under
   * it. Stances taken meanwhile are kept and the write tried again; a changed wording or anchor
   * is refused (the facilitator accepted a text they were shown, not the new one).
   */
  private async recordAccepted(member: DraftMember, applied: ProposalRecord, result: ProposalResult): Promise<ProposalRecord> {
    let read = applied;
    for (let attempt = 1; attempt <= MAX_STEP_ATTEMPTS; attempt++) {
      const at = new Date().toISOString();
      const patch: ProposalPatch = { status: 'accepted', decidedBy: decider(member, at), result, updatedAt: at };
      const stored = await this.options.proposals.update(applied.id, 'pending', patch, { action: 'accepted', ...eventBy(member, at), note: null }, read.events.length);
      if (stored) return stored;
      read = mustBePending(await this.mustGet(member, applied.id));
      if (!sameChange(read, applied)) throw new DomainError('the proposal was edited while it was being accepted; review it again', 409);
    }
    throw new DomainError('the proposal keeps changing; try again', 409);
  }

  /** Text now in a paragraph that accepted proposals wrote (tracing text back to its proposal). */
  async produced(draftId: string, paragraphId: string): Promise<ProducedRange[]> {
    const accepted = await this.list(draftId, 'accepted');
    return this.options.drafts.read(draftId, (doc) => producedRanges(doc, paragraphId, accepted));
  }

  /** The draft's proposal events for the activity timeline, newest first. */
  async activity(draftId: string, limit: number): Promise<ProposalActivityEntry[]> {
    const proposals = await this.list(draftId);
    return proposals.length === 0 ? [] : activityEntries(proposals, await this.labelsNow(draftId), limit);
  }

  /** Proposals accepted within a span of history (compare attribution). */
  async acceptedWithin(draftId: string, span: HistorySpan): Promise<AcceptedProposalEntry[]> {
    const accepted = await this.list(draftId, 'accepted');
    return accepted.length === 0 ? [] : acceptedEntries(accepted, await this.labelsNow(draftId), span);
  }

  private async labelsNow(draftId: string): Promise<Map<string, string>> {
    return this.options.labels.labelsOf(draftId, await this.options.drafts.derive(draftId, draftNodeOf));
  }

  private stance(member: DraftMember, proposalId: string, stance: Stance): Promise<ProposalView> {
    return this.step(member, proposalId, mustTakePart, (proposal) => ({
      action: STANCE_ACTIONS[stance],
      patch: takeStance(proposal, member.delegation, stance),
    }));
  }

  /**
   * One change of a pending proposal, in the draft's turn: who may is checked first, then that it
   * is still pending, then the step (none: the proposal as it is) is written with a compare-and-set on the status and the event
   * count, and announced. The draft's turn orders steps within this instance only: when another
   * instance changed the proposal since it was read, the step is worked out again from the new
   * record (a support is added to the supporters as they are now, never to a stale list); a
   * decision is written unless the proposal was decided meanwhile (then the next read says so).
   */
  private async step(
    member: DraftMember,
    proposalId: string,
    mayAct: (member: DraftMember, proposal: ProposalRecord) => void,
    next: (proposal: ProposalRecord, at: string) => Step | null | Promise<Step | null>,
  ): Promise<ProposalView> {
    const { draftId } = await this.mustGet(member, proposalId);
    return this.perDraft.run(draftId, async () => {
      for (let attempt = 1; ; attempt++) {
        const proposal = await this.mustGet(member, proposalId);
        mayAct(member, proposal);
        mustBePending(proposal);
        const at = new Date().toISOString();
        const step = await next(proposal, at);
        if (!step) return toProposalView(proposal);
        const { patch, action, note = null, decides } = step;
        const event = { action, ...eventBy(member, at), note };
        const updated = await this.options.proposals.update(proposalId, 'pending', { ...patch, updatedAt: at }, event, decides ? undefined : proposal.events.length);
        if (updated) {
          const view = toProposalView(updated);
          this.options.announce('proposal:updated', view);
          return view;
        }
        if (attempt === MAX_STEP_ATTEMPTS) throw new DomainError('the proposal keeps changing; try again', 409);
      }
    });
  }

  /** Marks proposals the accepted one invalidated; one that cannot be marked stays pending for the facilitator to reject. */
  private async supersede(member: DraftMember, accepted: ProposalView, ids: string[]): Promise<string[]> {
    const done: string[] = [];
    for (const id of ids) {
      const at = new Date().toISOString();
      try {
        const updated = await this.options.proposals.update(id, 'pending', { status: 'superseded', updatedAt: at }, { action: 'superseded', ...eventBy(member, at), note: accepted.id });
        if (!updated) continue;
        this.options.announce('proposal:updated', toProposalView(updated));
        done.push(id);
      } catch (err) {
        this.options.logger.error({ err, draftId: accepted.draftId, proposalId: id, acceptedId: accepted.id }, 'could not mark a proposal superseded; it stays pending');
      }
    }
    return done;
  }

  /** The audit entry of a decision already stored and announced: a failure to log it is logged, not undone. */
  private async audited(member: DraftMember, action: string, proposal: ProposalView, extra: object = {}): Promise<void> {
    const detail = JSON.stringify({ proposalId: proposal.id, kind: proposal.kind, delegation: proposal.delegation, paragraphId: proposal.paragraphId, ...extra });
    try {
      await this.options.audit.record(auditBy(member, member.negotiationId, action, proposal.draftId, detail));
    } catch (err) {
      this.options.logger.error({ err, action, proposalId: proposal.id }, 'proposal decision could not be audited');
    }
  }

  private async mustBeUnderLimits(member: DraftMember, draftId: string): Promise<void> {
    const { pendingProposalsPerDelegation, proposalsPerUserPerHour } = this.options.limits;
    const pending = await this.options.proposals.countPending(draftId, member.delegation);
    if (pending >= pendingProposalsPerDelegation) {
      throw new DomainError(`your delegation has ${pending} pending proposals on this draft, the most allowed; withdraw some first`, 429);
    }
    const since = new Date(Date.now() - HOUR_MS).toISOString();
    const made = await this.options.proposals.countByAuthorSince(draftId, member.id, since);
    if (made >= proposalsPerUserPerHour) {
      throw new DomainError(`you have made ${made} proposals on this draft in the last hour, the most allowed; try again later`, 429);
    }
  }

  /** A proposal of the member's negotiation; any other does not exist for them. */
  private async mustGet(member: DraftMember, proposalId: string): Promise<ProposalRecord> {
    const proposal = await this.options.proposals.get(proposalId);
    if (!proposal || proposal.negotiationId !== member.negotiationId) throw new DomainError('no such proposal', 404);
    return proposal;
  }
}

function mustBePending(proposal: ProposalRecord): ProposalRecord {
  if (proposal.status !== 'pending') throw new DomainError(`the proposal is ${proposal.status}, no longer pending`, 409);
  return proposal;
}

/**
 * Whether the proposal was edited after revision `seen`. Events do not carry the wording, so any
 * edit counts (a justification too: the screen showed the old one); stances do not.
 */
function editedSince(proposal: ProposalRecord, seen: number): boolean {
  return proposal.events.slice(seen).some(({ action }) => action === 'edited');
}

function mustTakePart(member: DraftMember): void {
  if (!canEditText(member.role)) throw new DomainError('observers cannot make or support proposals', 403);
}

function mustBeProposer(member: DraftMember, proposal: ProposalRecord): void {
  if (member.delegation !== proposal.delegation || !canEditText(member.role)) {
    throw new DomainError('only the delegation that made the proposal can change or withdraw it', 403);
  }
}

function mustDecide(member: DraftMember): void {
  if (!isFacilitator(member.role)) throw new DomainError('only a facilitator accepts or rejects proposals', 403);
}

/** The anchor with the words it covers in the live text (a client's own quote is not trusted). */
function withQuote(anchor: ProposalAnchor, quote: string | null): ProposalAnchor {
  return { ...anchor, quote: quote ?? anchor.quote };
}

function eventBy(member: DraftMember, at: string) {
  return { delegation: member.delegation, userId: member.id, name: member.displayName, at };
}

function decider(member: DraftMember, at: string): NonNullable<ProposalView['decidedBy']> {
  return { userId: member.id, name: member.displayName, delegation: member.delegation, at };
}
