import { LogCapture } from '../helpers/captureLogs';
import { requestJson } from '../helpers/http';
import { startTestServer, type TestServer } from '../helpers/testServer';

/** A sign-in with a wrong password, as forwarded by a reverse proxy for `client`. */
async function failedSignIn(server: TestServer, client: string): Promise<number> {
  const response = await fetch(`${server.url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
    body: JSON.stringify({ username: 'eu', password: 'wrong password' }),
  });
  await response.body?.cancel();
  return response.status;
}

describe('behind a reverse proxy (TRUST_PROXY)', () => {
  const limits = { loginFailuresPerAddress: 2, loginFailuresPerAccount: 100 };

  it('counts failed sign-ins per client address from X-Forwarded-For, so one venue does not lock out another, and logs that address', async () => {
    const logs = new LogCapture();
    const server = await startTestServer({ ...limits, trustProxy: 1 }, logs.logger);
    try {
      expect([await failedSignIn(server, '203.0.113.1'), await failedSignIn(server, '203.0.113.1')]).toEqual([401, 401]);
      expect(await failedSignIn(server, '203.0.113.1')).toBe(429);
      expect(await failedSignIn(server, '198.51.100.9')).toBe(401);
      expect((await requestJson(`${server.url}/api/login`, { json: { username: 'eu', password: 'negotiate' } })).status).toBe(200);
      const addresses = logs.entries.filter((e) => e.component === 'http' && e.res).map((e) => (e.req as { remoteAddress: string }).remoteAddress);
      expect(addresses).toEqual(['203.0.113.1', '203.0.113.1', '203.0.113.1', '198.51.100.9', '127.0.0.1']);
    } finally {
      await server.stop();
    }
  });

  it('without it, ignores X-Forwarded-For: a client cannot pick a fresh address for each guess, nor write one into the logs', async () => {
    const logs = new LogCapture();
    const server = await startTestServer(limits, logs.logger);
    try {
      expect([await failedSignIn(server, '203.0.113.1'), await failedSignIn(server, '203.0.113.2')]).toEqual([401, 401]);
      expect(await failedSignIn(server, '203.0.113.3')).toBe(429);
      expect(JSON.stringify(logs.entries)).not.toContain('203.0.113.');
    } finally {
      await server.stop();
    }
  });
});
