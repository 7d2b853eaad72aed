import { ApiClient } from '../../../client/api/apiClient';
import { ApiError } from '../../../client/api/apiError';

function respond(status: number, body: unknown): typeof fetch {
  return jest.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
}

function client(fetchImpl: typeof fetch, onUnauthorized = jest.fn()) {
  return { api: new ApiClient({ token: () => 'tok', onUnauthorized, fetch: fetchImpl }), onUnauthorized };
}

describe('ApiClient', () => {
  it('sends the bearer token and unwraps the payload', async () => {
    const fetchImpl = respond(200, { drafts: [{ id: 'd1' }] });
    const { api } = client(fetchImpl);
    await expect(api.listDrafts()).resolves.toEqual([{ id: 'd1' }]);
    const [path, init] = (fetchImpl as jest.Mock).mock.calls[0];
    expect(path).toBe('/api/drafts');
    expect(init.headers.Authorization).toBe('Bearer tok');
  });

  it('posts a new draft as JSON, into its negotiation', async () => {
    const fetchImpl = respond(201, { draft: { id: 'd2', title: 'T' } });
    const { api } = client(fetchImpl);
    await expect(api.createDraft('n 1', { title: 'T', symbol: 'A/1' })).resolves.toMatchObject({ id: 'd2' });
    const [path, init] = (fetchImpl as jest.Mock).mock.calls[0];
    expect(path).toBe('/api/negotiations/n%201/drafts');
    expect(init.method).toBe('POST');
    expect(JSON.parse(init.body)).toEqual({ title: 'T', symbol: 'A/1' });
  });

  it("reports the server's error message and status", async () => {
    const { api } = client(respond(404, { error: 'Draft not found' }));
    await expect(api.getDraft('x')).rejects.toEqual(new ApiError(404, 'Draft not found'));
  });

  it('sends the person back to sign-in when the token is refused', async () => {
    const { api, onUnauthorized } = client(respond(401, { error: 'Session expired' }));
    await expect(api.listDrafts()).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('treats a refused sign-in as a wrong password, not an expired session', async () => {
    const { api, onUnauthorized } = client(respond(401, { error: 'Wrong username or password' }));
    await expect(api.login('kazakhstan', 'nope')).rejects.toMatchObject({ message: 'Wrong username or password.' });
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('says so when the server cannot be reached', async () => {
    const { api } = client(jest.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const failure = await api.listDrafts().catch((e: ApiError) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).isNetworkFailure).toBe(true);
  });
});
