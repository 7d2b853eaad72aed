import { SignJWT, jwtVerify } from 'jose';

const ISSUER = 'resolution-workspace';

/** Signed, expiring session tokens (HS256 JWTs) that carry only the user id. */
export class TokenService {
  constructor(
    private readonly secret: Uint8Array,
    private readonly ttlSeconds: number,
  ) {}

  issue(userId: string): Promise<string> {
    return new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.secret);
  }

  /** The user id of a valid token, or null for a missing, forged or expired one. */
  async verify(token: string | undefined | null): Promise<string | null> {
    if (!token) return null;
    try {
      const { payload } = await jwtVerify(token, this.secret, { issuer: ISSUER, algorithms: ['HS256'] });
      return payload.sub ?? null;
    } catch {
      return null;
    }
  }
}
