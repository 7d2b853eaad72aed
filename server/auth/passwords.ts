import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashing with Node's built-in scrypt (memory-hard, no native add-on to build).
 * Stored form: scrypt$N$r$p$salt$hash, so parameters can be raised later without
 * invalidating existing hashes.
 */
const PARAMS = { N: 16384, r: 8, p: 1 };
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { ...options, maxmem: 64 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  // A malformed stored hash verifies nothing: false, like a wrong password, never an exception
  // (and never a parameter of 0, which scrypt would quietly replace by its default).
  const wellFormed = Object.values(params).every((value) => Number.isSafeInteger(value) && value > 0);
  if (scheme !== 'scrypt' || !wellFormed || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  // Parameters scrypt refuses (N not a power of two, beyond the memory limit) reject here.
  const key = await derive(password, Buffer.from(salt, 'base64'), params).catch(() => null);
  return key !== null && key.length === expected.length && timingSafeEqual(key, expected);
}
