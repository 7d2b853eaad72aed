import { loginPath, safeReturnTo } from '../../../client/app/returnTo';

describe('safeReturnTo', () => {
  it('returns to a page of this site', () => {
    expect(safeReturnTo('/drafts/abc?x=1')).toBe('/drafts/abc?x=1');
  });

  it('refuses other sites and the sign-in page itself', () => {
    for (const next of [null, '', 'https://evil.example', '//evil.example', '/\\evil.example', '/login', '/login?next=/x']) {
      expect(safeReturnTo(next)).toBe('/drafts');
    }
  });
});

describe('loginPath', () => {
  it('carries where to return and why', () => {
    expect(loginPath()).toBe('/login');
    expect(loginPath({ returnTo: '/drafts/a b', expired: true })).toBe('/login?next=%2Fdrafts%2Fa+b&expired=1');
  });
});
