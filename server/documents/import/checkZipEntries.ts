import { ImportError } from './importError';
import { megabytes, type ImportLimits } from './importLimits';
import type { ZipEntry } from './zipDirectory';

/** Refuses a zip whose declared sizes give it away as a bomb, before any byte is inflated. */
export function checkZipEntries(entries: readonly ZipEntry[], limits: ImportLimits): void {
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxCompressionRatio) {
      throw new ImportError(422, `the .docx file looks like a zip bomb: ${entry.name} expands ${Math.round(ratio)} times; refused`);
    }
  }
  if (total > limits.maxUncompressedBytes) {
    throw new ImportError(422, `the .docx file expands to more than ${megabytes(limits.maxUncompressedBytes)}; refused`);
  }
}
