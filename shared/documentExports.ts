import { z } from 'zod';

/** What a Word export shows: the text, its changes against a base version, or the compilation of proposals. */
export const DOCX_VIEWS = ['clean', 'tracked', 'compilation'] as const;
export type DocxView = (typeof DOCX_VIEWS)[number];

const versionRef = z.string().min(1).max(100);

/** GET /api/drafts/:id/export.docx */
export const DocxExportQuery = z.object({
  /** A version id, or "current" for the live text. */
  version: versionRef.default('current'),
  /** The version a tracked export shows its changes against. */
  base: versionRef.optional(),
  view: z.enum(DOCX_VIEWS).default('clean'),
});

/** GET /api/drafts/:id/export.akn.xml */
export const AknExportQuery = DocxExportQuery.pick({ version: true });
