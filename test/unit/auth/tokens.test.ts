import { SignJWT, UnsecuredJWT } from 'jose';
import { TokenService } from '../../../server/auth/tokens';

const secret = new TextEncoder().encode('a test secret that is long enough for HS256 signing');
const ISSUER = 'resolution-workspace';

describe('TokenService', () => {
  const tokens = new TokenService(secret, 3600);

  it('issues a token that verifies to the user id and its expiry', async () => {
    const before = Date.now();
    const claims = await tokens.verify(await tokens.issue('user-1'));
    expect(claims?.userId).toBe('user-1');
    // JWT times are whole seconds.
    expect(claims?.expiresAt).toBeGreaterThan(before + 3600_000 - 1000);
    expect(claims?.expiresAt).toBeLessThanOrEqual(Date.now() + 3600_000);
  });

  it('accepts a token issued by another instance with the same secret (a restarted server)', async () => {
    expect((await new TokenService(secret, 60).verify(await tokens.issue('user-1')))?.userId).toBe('user-1');
  });

  it.each([
    ['no token', undefined],
    ['null', null],
    ['an empty token', ''],
    ['something that is not a JWT', 'not-a-token'],
  ])('refuses %s', async (_name, token) => {
    expect(await tokens.verify(token)).toBeNull();
  });

  it('refuses an expired token', async () => {
    const expired = await new TokenService(secret, 0).issue('user-1');
    expect(await tokens.verify(expired)).toBeNull();
  });

  it('refuses a token signed with another secret', async () => {
    const other = new TokenService(new TextEncoder().encode('another secret, also long enough for HS256 signing'), 3600);
    expect(await tokens.verify(await other.issue('user-1'))).toBeNull();
  });

  it('refuses a token whose payload was changed after signing', async () => {
    const [header, , signature] = (await tokens.issue('user-1')).split('.');
    const payload = Buffer.from(JSON.stringify({ sub: 'chair', iss: ISSUER, exp: 4_000_000_000 })).toString('base64url');
    expect(await tokens.verify(`${header}.${payload}.${signature}`)).toBeNull();
  });

  it('refuses a token from another issuer, even signed with the right secret', async () => {
    const foreign = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('user-1').setIssuer('someone-else').setExpirationTime('1h').sign(secret);
    expect(await tokens.verify(foreign)).toBeNull();
  });

  it('refuses an unsigned token (alg "none")', async () => {
    const unsigned = new UnsecuredJWT({}).setSubject('user-1').setIssuer(ISSUER).setExpirationTime('1h').encode();
    expect(await tokens.verify(unsigned)).toBeNull();
  });

  it('refuses a token without a subject', async () => {
    const anonymous = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setIssuer(ISSUER).setExpirationTime('1h').sign(secret);
    expect(await tokens.verify(anonymous)).toBeNull();
  });

  it('refuses a token without an expiry, even signed with the right secret', async () => {
    const forever = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('user-1').setIssuer(ISSUER).sign(secret);
    expect(await tokens.verify(forever)).toBeNull();
  });

  it('(control: the hand-made tokens above differ only in what each test names)', async () => {
    const valid = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('user-1').setIssuer(ISSUER).setExpirationTime('1h').sign(secret);
    expect((await tokens.verify(valid))?.userId).toBe('user-1');
  });
});
