import { ApiClient } from '../../../client/api/apiClient';
import { ApiError } from '../../../client/api/apiError';

describe('ApiClient.download', () => {
  it('returns the file and its name, with the token in a header', async () => {
    const fetchImpl = jest.fn(async () => new Response('PK', { status: 200, headers: { 'content-disposition': 'attachment; filename=E_CN.15_2026_L.4.docx' } }));
    const api = new ApiClient({ token: () => 'tok', onUnauthorized: jest.fn(), fetch: fetchImpl as unknown as typeof fetch });
    const { blob, fileName } = await api.download('/api/drafts/d1/export.docx');
    expect(fileName).toBe('E_CN.15_2026_L.4.docx');
    expect(await blob.text()).toBe('PK');
    expect((fetchImpl.mock.calls[0] as unknown as [string, RequestInit])[1].headers).toMatchObject({ Authorization: 'Bearer tok' });
  });

  it('turns an error answer into an ApiError and signs out on 401', async () => {
    const onUnauthorized = jest.fn();
    const answer = (status: number) => jest.fn(async () => new Response(JSON.stringify({ error: 'no such version' }), { status }));
    await expect(new ApiClient({ token: () => 'tok', onUnauthorized, fetch: answer(404) as unknown as typeof fetch }).download('/x')).rejects.toEqual(new ApiError(404, 'no such version'));
    await expect(new ApiClient({ token: () => 'tok', onUnauthorized, fetch: answer(401) as unknown as typeof fetch }).download('/x')).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });
});
