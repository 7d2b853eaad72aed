import { crc32 } from 'node:zlib';

/**
 * CRC-32 of a stored blob, written beside it: catches bytes flipped on disk or in transit, not
 * tampering (whoever can rewrite the blob can rewrite its checksum too).
 */
export function checksumOf(bytes: Uint8Array): number {
  return crc32(bytes);
}

/** True when the blob still matches the checksum written with it; rows from before checksums (null) count as intact. */
export function matchesChecksum(bytes: Uint8Array, checksum: number | null | undefined): boolean {
  return checksum === null || checksum === undefined || crc32(bytes) === checksum;
}
