import type { DraftEditing, DraftEditingView } from '../../../shared/proposals';
import { isFacilitator } from '../../../shared/roles';
import type { DraftStore } from '../../store/types';
import type { DraftMember } from '../access/draftMember';
import { auditBy, type AuditLog } from '../audit/auditLog';
import { KeyedSerializer } from '../comments/keyedSerializer';
import { DomainError } from '../domainError';

/** What the rule needs of a draft's live room: the rule its lock policy applies to delegates. */
export interface EditableDraft {
  readonly editing: DraftEditing;
  /** Resolves once every instance's room was sent the rule. */
  setEditing(editing: DraftEditing): void | Promise<void>;
}

export interface EditableDrafts {
  withRoom<T>(draftId: string, use: (draft: EditableDraft) => T | Promise<T>): Promise<T>;
}

export interface DraftEditingServiceOptions {
  drafts: Pick<DraftStore, 'setEditing'>;
  rooms: EditableDrafts;
  audit: AuditLog;
  /** Told of every change once it is stored and enforced (the socket.io broadcast). */
  announce: (view: DraftEditingView) => void;
}

/**
 * Whether a draft's delegates edit the text directly or make proposals only (issue 11): set by a
 * facilitator of its negotiation, stored on the draft (what a room reads as it loads), and applied
 * to the live room's lock policy before its next frame.
 */
export class DraftEditingService {
  /** One change per draft at a time: the stored rule and the room's agree. */
  private readonly serializer = new KeyedSerializer();

  constructor(private readonly options: DraftEditingServiceOptions) {}

  async setEditing(member: DraftMember, draftId: string, editing: DraftEditing): Promise<DraftEditingView> {
    if (!isFacilitator(member.role)) throw new DomainError('only a facilitator chooses how delegates edit the draft', 403);
    const view: DraftEditingView = { draftId, editing };
    return this.serializer.run(draftId, () =>
      this.options.rooms.withRoom(draftId, async (room) => {
        if (room.editing === editing) return view;
        if (!(await this.options.drafts.setEditing(draftId, editing))) throw new DomainError('no such draft', 404);
        await room.setEditing(editing);
        await this.options.audit.record(auditBy(member, member.negotiationId, 'draft-editing', draftId, editing));
        this.options.announce(view);
        return view;
      }),
    );
  }
}
