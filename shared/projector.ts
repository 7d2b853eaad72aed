import { z } from 'zod';

/** projector:focus: the paragraph under discussion (null: none). */
export const ProjectorFocusPayload = z.object({
  draftId: z.string().min(1).max(100),
  paragraphId: z.string().min(1).max(100).nullable(),
});

/** The paragraph under discussion in a draft, as the facilitator set it; what projector:focused broadcasts. */
export interface ProjectorFocus {
  draftId: string;
  paragraphId: string | null;
  byName: string;
  at: string;
}
