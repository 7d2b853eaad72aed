import { requestJson } from '../../helpers/http';
import { startTestServer, type TestServer } from '../../helpers/testServer';

const PER_ACCOUNT = 10;
/** Lower than the default 100 so the test stays quick (each attempt costs one scrypt). */
const PER_ADDRESS = 16;

describe('sign-in limits per account and address (one conference Wi-Fi, many delegations)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ loginFailuresPerAccount: PER_ACCOUNT, loginFailuresPerAddress: PER_ADDRESS });
  });
  afterAll(() => server.stop());

  const attempt = (username: string, password: string) => requestJson(`${server.url}/api/login`, { json: { username, password } });

  it('limits failures per (username, address): ten for "usa" leave "eu" free; the eleventh for "usa" is 429; then the address ceiling', async () => {
    for (let i = 0; i < PER_ACCOUNT; i++) expect((await attempt('usa', `guess-${i}`)).status).toBe(401);

    // Another delegation behind the same address signs in, and may still mistype.
    expect((await attempt('eu', 'negotiate')).status).toBe(200);
    expect((await attempt('eu', 'mistyped')).status).toBe(401);

    // The same username however it is spelled, even with the right password now.
    for (const username of ['usa', ' USA ']) {
      expect(await attempt(username, 'negotiate')).toEqual({
        status: 429,
        contentType: expect.stringMatching(/^application\/json/),
        body: { error: 'too many failed sign-ins for this account; try again in a minute' },
      });
    }

    // 13 failures so far from this address (the refused ones count): sweep other accounts up to the ceiling.
    const others = ['belarus', 'nigeria', 'philippines'];
    for (const username of others) expect((await attempt(username, 'sweep')).status).toBe(401);
    expect(await attempt('kazakhstan', 'negotiate')).toEqual({
      status: 429,
      contentType: expect.stringMatching(/^application\/json/),
      body: { error: 'too many failed sign-ins from this address; try again in a minute' },
    });
  });
});
