import { ImportError } from './importError';
import type { SourceParagraph } from './sourceParagraph';

const NOT_UNICODE = 'the text file is not UTF-8 or UTF-16; save it as UTF-8 and try again';

/** The encoding a byte order mark names, and how many bytes the mark takes. */
function byteOrderMark(bytes: Buffer): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; skip: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  return { encoding: 'utf-8', skip: 0 };
}

/** Decodes UTF-8 (with or without a BOM) or UTF-16 with a BOM; anything else is refused rather than guessed. */
export function decodeText(bytes: Buffer): string {
  const { encoding, skip } = byteOrderMark(bytes);
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(skip));
  } catch {
    throw new ImportError(415, NOT_UNICODE);
  }
  // UTF-16 without a BOM decodes as "valid" UTF-8 full of NULs; so does a binary file.
  if (text.includes('\u0000')) throw new ImportError(415, NOT_UNICODE);
  return text;
}

/** The non-empty lines of a plain-text draft, one paragraph each, without marks. */
export function readText(bytes: Buffer): Omit<SourceParagraph, 'line'>[] {
  return decodeText(bytes)
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .map((text) => ({ runs: [{ text, marks: [] }], listNumber: null }));
}
