import JSZip from 'jszip';
import { checkZipEntries } from './checkZipEntries';
import { ImportError } from './importError';
import type { ImportLimits } from './importLimits';
import { readZipDirectory } from './zipDirectory';

/** The text of the zip parts asked for (absent ones are left out). */
export type ZipParts = Map<string, string>;

/** Inflates one entry, counting bytes as they come: a size the directory understated is caught at once. */
function inflateCounted(file: JSZip.JSZipObject, allowed: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const stream = file.nodeStream('nodebuffer');
    stream.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > allowed) {
        stream.removeAllListeners('data');
        stream.pause();
        reject(new ImportError(422, `the .docx file looks like a zip bomb: ${file.name} expands beyond what its directory declares; refused`));
        return;
      }
      chunks.push(chunk);
    });
    stream.on('error', () => reject(new ImportError(422, `the .docx file is damaged: ${file.name} cannot be unpacked`)));
    stream.on('end', () => resolve(Buffer.concat(chunks, received)));
  });
}

function decodeUtf8(bytes: Buffer, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError(422, `the .docx file is damaged: ${name} is not UTF-8 text`);
  }
}

/**
 * Reads the named parts of a zip within the limits: the central directory is checked before
 * anything is inflated, and each part is counted while it inflates against what it declared.
 */
export async function readZipParts(zip: Buffer, names: readonly string[], limits: ImportLimits): Promise<ZipParts> {
  const entries = readZipDirectory(zip, limits.maxZipEntries);
  checkZipEntries(entries, limits);
  const declared = new Map(entries.map((entry) => [entry.name, entry.uncompressedSize]));
  let archive: JSZip;
  try {
    // Without checkCRC32, which would inflate every entry at once, uncounted.
    archive = await JSZip.loadAsync(zip);
  } catch {
    throw new ImportError(422, 'the .docx file is damaged: it cannot be opened as a zip archive');
  }
  const parts: ZipParts = new Map();
  for (const name of names) {
    const file = archive.file(name);
    const size = declared.get(name);
    if (!file || size === undefined) continue;
    parts.set(name, decodeUtf8(await inflateCounted(file, size), name));
  }
  return parts;
}
