import { ImportError } from './importError';

/** One entry as the zip's central directory declares it (sizes are claims until inflated). */
export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const END_RECORD_BYTES = 22;
const ENTRY_HEADER_BYTES = 46;
const MAX_COMMENT_BYTES = 0xffff;
/** ZIP64 marks sizes and counts it moved elsewhere with all ones; Word never needs it. */
const ZIP64_MARK = 0xffffffff;

const damaged = () => new ImportError(422, 'the .docx file is damaged: its zip directory cannot be read');

/** Finds the end-of-central-directory record, searching back over a trailing comment. */
function endRecordOffset(zip: Buffer): number {
  const lowest = Math.max(0, zip.length - END_RECORD_BYTES - MAX_COMMENT_BYTES);
  for (let at = zip.length - END_RECORD_BYTES; at >= lowest; at--) {
    if (zip.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  throw damaged();
}

/**
 * The entries of a zip read from its central directory, before anything is inflated, so
 * the declared sizes and the entry count can be checked first. Bounds-checked throughout.
 */
export function readZipDirectory(zip: Buffer, maxEntries: number): ZipEntry[] {
  if (zip.length < END_RECORD_BYTES) throw damaged();
  const end = endRecordOffset(zip);
  const count = zip.readUInt16LE(end + 10);
  const size = zip.readUInt32LE(end + 12);
  const offset = zip.readUInt32LE(end + 16);
  if (count === 0xffff || size === ZIP64_MARK || offset === ZIP64_MARK) throw new ImportError(422, 'the .docx file uses ZIP64, which Word files never need');
  if (count > maxEntries) throw new ImportError(422, `the .docx file has ${count} entries; at most ${maxEntries} are accepted`);
  if (offset + size > end) throw damaged();

  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + ENTRY_HEADER_BYTES > end || zip.readUInt32LE(at) !== DIRECTORY_ENTRY) throw damaged();
    const compressedSize = zip.readUInt32LE(at + 20);
    const uncompressedSize = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const next = at + ENTRY_HEADER_BYTES + nameLength + extraLength + commentLength;
    if (next > end) throw damaged();
    if (compressedSize === ZIP64_MARK || uncompressedSize === ZIP64_MARK) throw new ImportError(422, 'the .docx file uses ZIP64, which Word files never need');
    entries.push({ name: zip.toString('utf8', at + ENTRY_HEADER_BYTES, at + ENTRY_HEADER_BYTES + nameLength), compressedSize, uncompressedSize });
    at = next;
  }
  return entries;
}
