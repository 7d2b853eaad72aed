import { CorruptDataError } from '../../store/corruption';
import { DomainError } from '../domainError';

/**
 * Turns a read that met damaged stored data into a clear refusal (409) instead of an answer
 * built on it. The store has already noted the damage for /healthz.
 */
export async function refuseDamaged<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (err) {
    if (!(err instanceof CorruptDataError)) throw err;
    const { kind, ref } = err.record;
    const what = kind === 'version' ? `version ${ref}` : kind === 'update' ? `log entry ${ref} of this draft's history` : `snapshot ${ref}`;
    throw new DomainError(`${what} is damaged in storage (checksum mismatch) and cannot be used`, 409);
  }
}
