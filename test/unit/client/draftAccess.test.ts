/** @jest-environment jsdom */
import { ApiError } from '../../../client/api/apiError';
import { AccessMemory } from '../../../client/app/accessMemory';
import { accessChanged, loadDraftAccess } from '../../../client/pages/draftAccess';
import type { DraftAccess } from '../../../shared/negotiations';

const DELEGATE: DraftAccess = { negotiationId: 'a', negotiationName: 'CCPCJ', role: 'delegate', delegation: 'Kazakhstan' };

const answering = (result: Promise<{ access: DraftAccess }>) => ({ getDraft: jest.fn(() => result) }) as never;

describe('loadDraftAccess', () => {
  beforeEach(() => localStorage.clear());

  it("takes the role from the server and remembers it for this person's offline visits", async () => {
    const memory = new AccessMemory(localStorage, 'kz');
    await expect(loadDraftAccess(answering(Promise.resolve({ access: DELEGATE })), memory, 'd1')).resolves.toEqual({ kind: 'access', access: DELEGATE });
    const offline = answering(Promise.reject(new ApiError(0, 'The server cannot be reached.')));
    await expect(loadDraftAccess(offline, memory, 'd1')).resolves.toEqual({ kind: 'access', access: DELEGATE });
    // Another account on the same device does not inherit it.
    await expect(loadDraftAccess(offline, new AccessMemory(localStorage, 'eu'), 'd1')).resolves.toEqual({ kind: 'unknown', message: 'The server cannot be reached.' });
  });

  it('says "not found" for a draft outside the person’s negotiations and forgets what it remembered', async () => {
    const memory = new AccessMemory(localStorage, 'kz');
    memory.remember('d1', DELEGATE);
    await expect(loadDraftAccess(answering(Promise.reject(new ApiError(404, 'no such draft'))), memory, 'd1')).resolves.toEqual({ kind: 'not-found' });
    expect(memory.recall('d1')).toBeNull();
  });

  it('ignores a damaged memory', () => {
    localStorage.setItem('negotiation-workspace.access', '{not json');
    expect(new AccessMemory(localStorage, 'kz').recall('d1')).toBeNull();
  });
});

describe('accessChanged', () => {
  it('notices a new role or delegation, not the same access given again', () => {
    expect(accessChanged(DELEGATE, { ...DELEGATE })).toBe(false);
    expect(accessChanged(DELEGATE, { ...DELEGATE, role: 'observer' })).toBe(true);
    expect(accessChanged(DELEGATE, { ...DELEGATE, delegation: 'Brazil' })).toBe(true);
  });
});
