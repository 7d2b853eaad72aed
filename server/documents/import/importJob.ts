import type { ImportedDraft } from './importDraft';
import type { ImportLimits } from './importLimits';

/** What the import worker is sent: the uploaded file and the limits to read it within. */
export interface ImportRequest {
  bytes: Uint8Array;
  name: string;
  limits: ImportLimits;
}

/** What it answers: the draft, a refusal to pass on (ImportError), or a failure of its own. */
export type ImportReply =
  | { ok: true; draft: ImportedDraft }
  | { ok: false; refusal: { status: 400 | 413 | 415 | 422; message: string } }
  | { ok: false; failure: string };
