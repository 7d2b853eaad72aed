import * as Y from 'yjs';
import type { VersionSummary } from '../../../shared/versions';
import { findParagraph } from '../../helpers/anchors';
import { requestJson } from '../../helpers/http';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { connectYjs, type YjsClient } from '../../helpers/yjsClient';

const ROUNDS = 6;

/**
 * Two facilitators (or one double click landing on two instances behind a load balancer) name a
 * version of one draft with one name at the same moment: each instance checks the name against
 * the list it reads, and both could pass; the store keeps one and the other gets the usual 409.
 */
describe('several instances: a version name is used once per draft', () => {
  let a: TestServer;
  let b: TestServer;
  const clients: YjsClient[] = [];

  beforeAll(async () => {
    a = await startTestServer();
    b = await startTestServer({ dataDir: a.dataDir });
  });
  afterAll(async () => {
    clients.forEach((c) => c.destroy());
    await b?.close();
    await a?.stop();
  });

  it('names one version per name when both instances are asked at once; the other answers 409 with the same message', async () => {
    const draftId = await a.demoDraftId();
    const [tokenA, tokenB] = [(await a.login('chair')).token, (await b.login('chair')).token];
    const name = (server: TestServer, token: string, versionName: string) =>
      requestJson<{ error?: string }>(`${server.url}/api/drafts/${draftId}/versions`, { json: { name: versionName }, token });
    // A delegate typing on each instance: naming waits for that edit to be stored, as it does in a meeting.
    for (const server of [a, b]) {
      const client = connectYjs(server.wsUrl, draftId, (await server.login('kazakhstan')).token);
      clients.push(client);
      await client.synced;
    }
    const type = () =>
      clients.forEach(({ doc }) => {
        const text = findParagraph(doc, 'Urges Member States').get(0) as Y.XmlText;
        text.insert(text.length, 'x');
      });
    for (let round = 1; round <= ROUNDS; round++) {
      type();
      const answers = await Promise.all([0, 1, 2, 3].map((i) => (i % 2 === 0 ? name(a, tokenA, `Rev.${round}`) : name(b, tokenB, `rev.${round}`))));
      expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
      for (const refused of answers.filter((r) => r.status === 409)) {
        expect(refused.body.error).toMatch(new RegExp(`^a version named "[Rr]ev.${round}" exists already; choose another name$`));
      }
    }
    const { body } = await requestJson<{ versions: VersionSummary[] }>(`${b.url}/api/drafts/${draftId}/versions`, { token: tokenB });
    const named = body.versions.filter((v) => v.kind === 'named').map((v) => v.name!.toLowerCase());
    expect(named.sort()).toEqual([...Array.from({ length: ROUNDS }, (_, i) => `rev.${i + 1}`), 'zero draft'].sort());
  });
});
