import { SignJWT, jwtVerify } from 'jose';

const ISSUER = 'resolution-workspace';

/** What a valid token says: whose it is and until when it may be used. */
export interface TokenClaims {
  userId: string;
  /** Milliseconds since the epoch: live connections opened with the token end then. */
  expiresAt: number;
}

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

  /** The claims of a valid token, or null for a missing, forged or expired one. */
  async verify(token: string | undefined | null): Promise<TokenClaims | null> {
    if (!token) return null;
    try {
      const { payload } = await jwtVerify(token, this.secret, { issuer: ISSUER, algorithms: ['HS256'], requiredClaims: ['sub', 'exp'] });
      return payload.sub && payload.exp ? { userId: payload.sub, expiresAt: payload.exp * 1000 } : null;
    } catch {
      return null;
    }
  }
}
