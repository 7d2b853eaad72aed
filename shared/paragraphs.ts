import { z } from 'zod';
export const PARAGRAPH_STATUSES = ['open', 'informals', 'agreed_ad_ref', 'agreed_pending', 'reopened', 'deleted'] as const;
export type ParagraphStatus = (typeof PARAGRAPH_STATUSES)[number];
/** Statuses under which the server refuses every delegate's change to the paragraph's text and attributes. */
export const LOCKED_STATUSES: ReadonlySet<ParagraphStatus> = new Set(['agreed_ad_ref', 'agreed_pending']);
export interface StatusChange {
  from: ParagraphStatus; to: ParagraphStatus; pending: string[]; note: string | null;
  byUserId: string; byName: string; at: string;
}
export interface ParagraphView {
  id: string; kind: 'pp' | 'op'; level: number;
  /** Stable label of the round ("PP4", "PP4bis", "OP3(a)bis"); see labels. */
  label: string;
  /** Clean derived number as printed ("3.", "(a)", "" for PPs). */
  number: string;
  status: ParagraphStatus; pending: string[]; text: string; statusHistory: StatusChange[];
}
export const ParagraphStatusPayload = z.object({
  draftId: z.string().min(1).max(100),
  paragraphId: z.string().min(1).max(100),
  status: z.enum(PARAGRAPH_STATUSES),
  pending: z.array(z.string().min(1).max(100)).max(50).optional(),
  note: z.string().trim().max(500).optional(),
});
