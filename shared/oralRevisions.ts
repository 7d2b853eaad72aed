import { z } from 'zod';
import { MAX_PARAGRAPH_ID_LENGTH } from './schema';
import { nameText } from './validation/names';

/** Longest text an oral revision may give a paragraph. */
export const MAX_ORAL_REVISION_LENGTH = 4000;

/** POST /api/drafts/:id/oral-revisions: the new text of a paragraph, as a delegation read it out. */
export const OralRevisionRequest = z.object({
  paragraphId: z.string().min(1).max(MAX_PARAGRAPH_ID_LENGTH),
  delegation: nameText(100).pipe(z.string().min(1)),
  text: nameText(MAX_ORAL_REVISION_LENGTH).pipe(z.string().min(1)),
  note: nameText(500).optional(),
});
export type OralRevisionInput = z.infer<typeof OralRevisionRequest>;

/** One oral revision as recorded (GET /api/drafts/:id/oral-revisions and the `oral-revision:recorded` event). */
export interface OralRevision {
  draftId: string;
  paragraphId: string;
  /** The paragraph's label when the revision was made ("OP3"). */
  label: string;
  delegation: string;
  before: string;
  after: string;
  /** The facilitator who accepted it. */
  byUserId: string;
  byName: string;
  at: string;
  note: string | null;
}
