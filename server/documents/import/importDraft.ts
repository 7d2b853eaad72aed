import type { ImportPreview } from '../../../shared/draftImport';
import type { JsonNode } from '../../../shared/draftTemplate';
import { classifyParagraphs } from './classifyParagraphs';
import type { ImportLimits } from './importLimits';
import { importedDoc } from './importedDoc';
import { importPreview } from './importPreview';
import { readUpload, type UploadedFile } from './readUpload';

/** A draft read from a file: the ProseMirror document to create, and its preview with the problems found. */
export interface ImportedDraft {
  doc: JsonNode;
  preview: ImportPreview;
}

/** Reads a .docx or .txt upload into a draft; throws ImportError for a file it refuses, never for content it cannot place. */
export async function importDraft(file: UploadedFile, limits: ImportLimits): Promise<ImportedDraft> {
  const classified = classifyParagraphs(await readUpload(file, limits));
  const doc = importedDoc(classified);
  return { doc, preview: importPreview(doc, classified.heading.masthead, classified.problems) };
}
