/** @jest-environment jsdom */
import { SessionStore } from '../../../client/app/session';

const user = { id: 'u1', username: 'eu', displayName: 'Delegate of the EU', admin: false };

describe('SessionStore', () => {
  beforeEach(() => localStorage.clear());

  it('keeps the session across page loads', () => {
    new SessionStore(localStorage).set({ token: 't', user });
    expect(new SessionStore(localStorage).get()).toEqual({ token: 't', user });
  });

  it('forgets it on sign-out', () => {
    const store = new SessionStore(localStorage);
    store.set({ token: 't', user });
    store.clear();
    expect(store.get()).toBeNull();
  });

  it('ignores anything malformed in storage', () => {
    localStorage.setItem('negotiation-workspace.session', '{not json');
    expect(new SessionStore(localStorage).get()).toBeNull();
    localStorage.setItem('negotiation-workspace.session', JSON.stringify({ token: 5 }));
    expect(new SessionStore(localStorage).get()).toBeNull();
  });
});
