import { DEFAULT_IMPORT_MAX_BYTES } from '../../../shared/draftImport';

/** What one import may cost: documented in README.md (API, "Importing a draft"). */
export interface ImportLimits {
  /** Bytes of the uploaded file (larger: 413). */
  maxUploadBytes: number;
  /** Bytes the parts of a .docx may expand to, all together. */
  maxUncompressedBytes: number;
  /** Largest expansion of one zip entry beyond `ratioFloorBytes`: zip bombs compress far better than text. */
  maxCompressionRatio: number;
  ratioFloorBytes: number;
  /** Entries in the zip (a Word file has a few dozen). */
  maxZipEntries: number;
  /** Paragraphs in the document (a long resolution has a few hundred). */
  maxParagraphs: number;
  /** Characters of text (a long resolution has about 100 000): the draft must stay small enough to sync in one frame. */
  maxTextCharacters: number;
}

export const MEGABYTE = 1024 * 1024;

/** "10 MB", "0.5 MB": a size as error messages give it. */
export function megabytes(bytes: number): string {
  return `${Math.round((bytes / MEGABYTE) * 10) / 10} MB`;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxUploadBytes: DEFAULT_IMPORT_MAX_BYTES,
  maxUncompressedBytes: 50 * MEGABYTE,
  maxCompressionRatio: 100,
  ratioFloorBytes: MEGABYTE,
  maxZipEntries: 1000,
  maxParagraphs: 5000,
  maxTextCharacters: 500_000,
};
