const DEFAULT = '/drafts';

/**
 * The page to open after signing in: only a path on this site (never "//evil.example"
 * or a full URL from a crafted link), and never the sign-in page itself.
 */
export function safeReturnTo(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return DEFAULT;
  if (next === '/login' || next.startsWith('/login?')) return DEFAULT;
  return next;
}

export function loginPath(options: { returnTo?: string; expired?: boolean } = {}): string {
  const query = new URLSearchParams();
  if (options.returnTo) query.set('next', options.returnTo);
  if (options.expired) query.set('expired', '1');
  const text = query.toString();
  return text ? `/login?${text}` : '/login';
}
