import { z } from 'zod';
import { nameText } from './names';
import { ORGAN_IDS } from '../organs';

/** Request bodies and event payloads, validated at the edge on the server (and usable by clients). */

export const LoginRequest = z.object({
  username: nameText(100).min(1, 'username is required'),
  password: z.string().min(1, 'password is required').max(200),
});

export const CreateDraftRequest = z.object({
  title: nameText(300).min(1, 'title is required'),
  symbol: nameText(60).optional().default(''),
  /** Which body the draft is for; without it, the one its symbol names. */
  organ: z.enum(ORGAN_IDS).optional(),
});

export const RoleName = z.enum(['facilitator', 'delegate', 'observer']);

export const DraftRefPayload = z.object({
  draftId: z.string().min(1).max(100),
});

/** "title: title is required; symbol: ..." from a failed parse. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
}
