import { ImportError } from './importError';
import type { ImportLimits } from './importLimits';
import { readDocx } from './readDocx';
import { readText } from './readText';
import { runsText } from './runs';
import type { SourceParagraph } from './sourceParagraph';

/** What came with the upload besides its bytes (both are claims; the bytes decide). */
export interface UploadedFile {
  bytes: Buffer;
  name: string;
}

const startsWith = (bytes: Buffer, ...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);

/**
 * The paragraphs of an uploaded .docx or .txt, numbered in file order. The content decides
 * what the file is; the name only picks the clearer error for a file that is neither.
 */
export async function readUpload({ bytes, name }: UploadedFile, limits: ImportLimits): Promise<SourceParagraph[]> {
  if (bytes.length === 0) throw new ImportError(400, 'the file is empty');
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  let paragraphs: Omit<SourceParagraph, 'line'>[];
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04) || startsWith(bytes, 0x50, 0x4b, 0x05, 0x06)) paragraphs = await readDocx(bytes, limits);
  else if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) throw new ImportError(415, 'this is an old Word .doc file; save it as .docx (Word 2007 or later) and try again');
  else if (extension === 'docx') throw new ImportError(415, 'the file is not a Word .docx document (it is not a zip archive)');
  else if (extension === 'txt' || extension === '') paragraphs = readText(bytes);
  else throw new ImportError(415, 'send a Word .docx file or a plain-text .txt file');
  if (paragraphs.length === 0) throw new ImportError(422, 'the file has no text');
  if (paragraphs.length > limits.maxParagraphs) throw new ImportError(422, `the file has ${paragraphs.length} paragraphs; at most ${limits.maxParagraphs} are accepted`);
  const characters = paragraphs.reduce((sum, paragraph) => sum + runsText(paragraph.runs).length, 0);
  if (characters > limits.maxTextCharacters) throw new ImportError(422, `the file has ${characters} characters of text; at most ${limits.maxTextCharacters} are accepted`);
  return paragraphs.map((paragraph, index) => ({ ...paragraph, line: index + 1 }));
}
