import type { z } from 'zod';
import { numberParagraphs } from '../../../shared/numbering';
import type { ProjectorFocus, ProjectorFocusPayload } from '../../../shared/projector';
import { isFacilitator } from '../../../shared/roles';
import type { DraftMember } from '../access/draftMember';
import { DomainError } from '../domainError';
import type { ReadableDrafts } from '../readableDrafts';
import { draftNodeOf } from '../paragraphs/draftNode';

/**
 * The paragraph under discussion in each draft (the room's projector), set by its facilitators.
 * Kept in memory only: it is the state of a meeting, not of the text, and a restart ends it.
 */
export class ProjectorFocuses {
  private readonly focuses = new Map<string, ProjectorFocus>();

  constructor(
    private readonly drafts: ReadableDrafts,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The draft's focus, or null when none was set. */
  current(draftId: string): ProjectorFocus | null {
    return this.focuses.get(draftId) ?? null;
  }

  async set(member: DraftMember, { draftId, paragraphId }: z.infer<typeof ProjectorFocusPayload>): Promise<ProjectorFocus> {
    if (!isFacilitator(member.role)) throw new DomainError('Only a facilitator sets the paragraph under discussion', 403);
    if (paragraphId !== null) {
      const exists = numberParagraphs(await this.drafts.derive(draftId, draftNodeOf)).some((paragraph) => paragraph.id === paragraphId);
      if (!exists) throw new DomainError('There is no such paragraph in this draft', 404);
    }
    const focus: ProjectorFocus = { draftId, paragraphId, byName: member.displayName, at: this.now().toISOString() };
    if (paragraphId === null) this.focuses.delete(draftId);
    else this.focuses.set(draftId, focus);
    return focus;
  }
}
