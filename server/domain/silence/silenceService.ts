import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ParagraphView } from '../../../shared/paragraphs';
import { isFacilitator } from '../../../shared/roles';
import { silenceOutcomeName, type SilenceView, type StartSilenceRequest } from '../../../shared/silence';
import type { Logger } from '../../logger';
import type { SilenceRecord, SilenceStore } from '../../store/types';
import type { DraftMember } from '../access/draftMember';
import { auditBy, type AuditLog } from '../audit/auditLog';
import { KeyedSerializer } from '../comments/keyedSerializer';
import { DomainError } from '../domainError';
import type { ParagraphStatusService } from '../paragraphs/paragraphStatusService';
import type { LiveDrafts } from '../versions/liveDraft';
import type { VersionService } from '../versions/versionService';
import { DeadlineTimers } from './deadlineTimers';

/** Statements one delegation may make in one procedure: room to clarify, no unbounded growth of the record (REST is outside the socket budget). */
export const MAX_BREAKS_PER_DELEGATION = 10;

/** What the draft's room hears (socket.io). */
export interface SilenceEvents {
  silenceUpdated(silence: SilenceView): void;
  paragraphUpdated(draftId: string, paragraph: ParagraphView): void;
}

export interface SilenceServiceOptions {
  store: SilenceStore;
  paragraphs: ParagraphStatusService;
  versions: VersionService;
  drafts: LiveDrafts;
  audit: AuditLog;
  events: SilenceEvents;
  logger: Logger;
  now?: () => number;
}

export function silenceView({ startedBy, ...record }: SilenceRecord): SilenceView {
  const outcome = record.state !== 'concluded' ? null : record.breaks.length === 0 ? 'adopted' : 'broken';
  return { ...record, startedByName: startedBy.displayName, outcome };
}

/**
 * The silence procedure (issue 10): the facilitator puts a draft under silence until a deadline;
 * delegations may break it before then; at the deadline the server records the outcome as a
 * named version and in the audit log, and when nobody broke silence every paragraph is agreed.
 */
export class SilenceService {
  private readonly serializer = new KeyedSerializer();
  private readonly timers: DeadlineTimers;
  /** Conclusions under way, which close() waits for. */
  private readonly concluding = new Set<Promise<void>>();

  constructor(private readonly options: SilenceServiceOptions) {
    this.timers = new DeadlineTimers(this.now);
  }

  /** The draft's current or last procedure (the caller checked the reader's access). */
  async current(draftId: string): Promise<SilenceView | null> {
    const record = await this.options.store.latest(draftId);
    return record && silenceView(record);
  }

  async start(draftId: string, member: DraftMember, { until, zone }: z.infer<typeof StartSilenceRequest>): Promise<SilenceView> {
    if (!isFacilitator(member.role)) throw new DomainError('only the facilitator puts a draft under silence', 403);
    const untilMs = Date.parse(until);
    if (untilMs <= this.now()) throw new DomainError('the deadline has passed');
    const record = await this.serializer.run(draftId, async () => {
      if ((await this.options.store.latest(draftId))?.state === 'open') throw new DomainError('the draft is under silence already', 409);
      const created: SilenceRecord = {
        id: randomUUID(), draftId, until: new Date(untilMs).toISOString(), zone, startedBy: member,
        startedAt: new Date(this.now()).toISOString(), state: 'open', concludedAt: null, breaks: [],
      };
      await this.options.store.create(created);
      return created;
    });
    this.schedule(record);
    await this.options.audit.record(auditBy(member, member.negotiationId, 'silence-started', draftId, `until ${until} (${zone})`));
    return this.announce(record);
  }

  async breakSilence(draftId: string, member: DraftMember, statement: string): Promise<SilenceView> {
    if (member.role !== 'delegate' || !member.delegation) throw new DomainError('only a delegation breaks silence', 403);
    const open = await this.open(draftId);
    if (Date.parse(open.until) <= this.now()) throw new DomainError('the deadline has passed', 409);
    const made = open.breaks.filter((entry) => entry.delegation === member.delegation).length;
    if (made >= MAX_BREAKS_PER_DELEGATION) throw new DomainError('your delegation has made as many statements as one procedure allows', 429);
    const at = new Date(this.now()).toISOString();
    const record = await this.options.store.addBreak(open.id, { delegation: member.delegation, byUserId: member.id, byName: member.displayName, statement, at });
    if (!record) throw new DomainError('the draft is not under silence', 409);
    await this.options.audit.record(auditBy(member, member.negotiationId, 'silence-broken', draftId, member.delegation));
    return this.announce(record);
  }

  async cancel(draftId: string, member: DraftMember): Promise<SilenceView> {
    if (!isFacilitator(member.role)) throw new DomainError('only the facilitator cancels a silence procedure', 403);
    const record = await this.options.store.end((await this.open(draftId)).id, 'cancelled', new Date(this.now()).toISOString());
    if (!record) throw new DomainError('the draft is not under silence', 409);
    this.timers.clear(record.id);
    await this.options.audit.record(auditBy(member, member.negotiationId, 'silence-cancelled', draftId));
    return this.announce(record);
  }

  /** At start: schedules every open procedure again; one whose deadline passed meanwhile concludes at once. */
  async resume(): Promise<void> {
    for (const record of await this.options.store.listOpen()) this.schedule(record);
  }

  /** Stops the timers and waits for the conclusions under way (before the store closes). */
  async close(): Promise<void> {
    this.timers.close();
    await Promise.all(this.concluding);
  }

  private async open(draftId: string): Promise<SilenceRecord> {
    const record = await this.options.store.latest(draftId);
    if (record?.state !== 'open') throw new DomainError('the draft is not under silence', 409);
    return record;
  }

  private schedule(record: SilenceRecord): void {
    this.timers.set(record.id, Date.parse(record.until), () => {
      const concluding = this.conclude(record.id).catch((err) => this.options.logger.error({ err, draftId: record.draftId }, 'silence procedure not concluded'));
      this.concluding.add(concluding);
      void concluding.finally(() => this.concluding.delete(concluding));
    });
  }

  /** Ends the procedure once (a cancel may have won), then records its outcome. */
  private async conclude(id: string): Promise<void> {
    const record = await this.options.store.end(id, 'concluded', new Date(this.now()).toISOString());
    if (!record) return;
    const { draftId, startedBy } = record;
    const name = silenceOutcomeName(record.breaks);
    if (record.breaks.length === 0) await this.agreeEveryParagraph(draftId, startedBy, name);
    await this.options.drafts.withRoom(draftId, (draft) => this.options.versions.checkpoint(draft, 'named', name, startedBy));
    await this.options.audit.record(auditBy(startedBy, startedBy.negotiationId, 'silence-concluded', draftId, name));
    this.options.logger.info({ draftId, outcome: name }, 'silence procedure concluded');
    this.announce(record);
  }

  /** Adopted: every paragraph becomes agreed ad ref, and locks; those marked deleted stay deleted. */
  private async agreeEveryParagraph(draftId: string, facilitator: DraftMember, note: string): Promise<void> {
    for (const paragraph of await this.options.paragraphs.list(draftId)) {
      if (paragraph.status === 'agreed_ad_ref' || paragraph.status === 'deleted') continue;
      const agreed = await this.options.paragraphs.setStatus(facilitator, { draftId, paragraphId: paragraph.id, status: 'agreed_ad_ref', note });
      this.options.events.paragraphUpdated(draftId, agreed);
    }
  }

  private announce(record: SilenceRecord): SilenceView {
    const view = silenceView(record);
    this.options.events.silenceUpdated(view);
    return view;
  }

  private readonly now = (): number => this.options.now?.() ?? Date.now();
}
