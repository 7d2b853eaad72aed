import { hashPassword, verifyPassword } from '../../../server/auth/passwords';

describe('passwords', () => {
  let stored: string;
  beforeAll(async () => {
    stored = await hashPassword('negotiate');
  });

  it('stores scrypt with its parameters, salt and hash', () => {
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(stored).not.toContain('negotiate');
  });

  it('salts every hash', async () => {
    expect(await hashPassword('negotiate')).not.toBe(stored);
  });

  it('verifies the right password', async () => {
    expect(await verifyPassword('negotiate', stored)).toBe(true);
  });

  it.each([['a wrong password', 'negotiatE'], ['an empty password', ''], ['a longer password', 'negotiate ']])(
    'refuses %s',
    async (_name, attempt) => {
      expect(await verifyPassword(attempt, stored)).toBe(false);
    },
  );

  it('compares passwords in Unicode normal form (NFKC)', async () => {
    expect(await verifyPassword('ｎｅｇｏｔｉａｔｅ', stored)).toBe(true); // full-width letters
  });

  describe('a malformed stored hash verifies nothing (false, not an exception)', () => {
    const parts = () => stored.split('$');
    const withPart = (index: number, value: string) => parts().map((part, i) => (i === index ? value : part)).join('$');
    it.each<[string, () => string]>([
      ['an empty string', () => ''],
      ['a plain-text password', () => 'negotiate'],
      ['another scheme', () => withPart(0, 'bcrypt')],
      ['no salt', () => withPart(4, '')],
      ['no hash', () => parts().slice(0, 5).join('$')],
      ['a cut hash', () => withPart(5, parts()[5].slice(0, 10))],
      ['a cost that is not a number', () => withPart(1, 'abc')],
      ['a cost that is not a power of two', () => withPart(1, '1000')],
      ['a cost beyond the memory limit', () => withPart(1, String(2 ** 30))],
      ['a block size that is not a number', () => withPart(2, '')],
      ['a parallelism of 0', () => withPart(3, '0')],
    ])('%s', async (_name, malformed) => {
      await expect(verifyPassword('negotiate', malformed())).resolves.toBe(false);
    });
  });
});
