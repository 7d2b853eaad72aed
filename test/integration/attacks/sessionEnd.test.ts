import * as Y from 'yjs';
import { resolveAuthSecret } from '../../../server/auth/secret';
import { TokenService } from '../../../server/auth/tokens';
import { onSessionEnded } from '../../../client/app/session';
import { CloseCode } from '../../../shared/closeCodes';
import type { SessionEndReason } from '../../../shared/events';
import { openRawYjs, type RawConnection } from '../../helpers/rawSocket';
import { connectSocket, type ClientSocket } from '../../helpers/socketClient';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { paragraphTexts } from '../../helpers/yjsClient';
import { syncFrame, updatesOf } from '../../helpers/yjsBytes';

/** What a socket.io client sees when the server ends its session. */
interface Ending {
  event: { reason: SessionEndReason };
  disconnect: string;
}

/** A Yjs connection and a socket.io connection of one person, both live. */
interface Person {
  userId: string;
  token: string;
  yjs: RawConnection;
  socket: ClientSocket;
  /** The `session:ended` event and the disconnect reason that follows it. */
  ended: Promise<Ending>;
}

describe('live connections end when access ends (token expiry, account removed; membership changes: negotiationsMembership.test.ts)', () => {
  let server: TestServer;
  let draftId: string;
  const people: Person[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    draftId = await server.demoDraftId();
  });
  afterEach(() => {
    for (const person of people.splice(0)) {
      person.socket.disconnect();
      person.yjs.ws.terminate();
    }
  });
  afterAll(() => server.stop());

  const tokenFor = (userId: string, ttlSeconds: number) => new TokenService(resolveAuthSecret(null, server.dataDir), ttlSeconds).issue(userId);

  async function connect(username: string, ttlSeconds = 3600): Promise<Person> {
    const { user } = await server.login(username);
    const token = await tokenFor(user.id, ttlSeconds);
    const yjs = openRawYjs(server.wsUrl, draftId, token);
    await yjs.firstMessage;
    const socket = await connectSocket(server.url, token);
    const ended = new Promise<Ending>((resolve) =>
      socket.once('session:ended', (event) => socket.once('disconnect', (disconnect) => resolve({ event, disconnect }))),
    );
    const person = { userId: user.id, token, yjs, socket, ended };
    people.push(person);
    return person;
  }

  const expectEnded = async (person: Person, reason: SessionEndReason) => {
    expect(await person.yjs.closed).toEqual({ code: CloseCode.Unauthorized, reason: `session ended: ${reason}` });
    expect(await person.ended).toEqual({ event: { reason }, disconnect: 'io server disconnect' });
  };

  const expectStillLive = (person: Person) => {
    expect(person.yjs.ws.readyState).toBe(person.yjs.ws.OPEN);
    expect(person.socket.connected).toBe(true);
  };

  it('closes both connections when the token expires, at its expiry', async () => {
    const expiring = await connect('usa', 2);
    const other = await connect('eu');
    const connectedAt = Date.now();
    await expectEnded(expiring, 'expired');
    // JWT expiry is in whole seconds: the token had one to two seconds left (plus slack for a busy machine).
    expect(Date.now() - connectedAt).toBeLessThan(4_000);
    expectStillLive(other);
  });

  it('closes both connections of a removed account at once, and drops what it sends after', async () => {
    const removed = await connect('belarus');
    const other = await connect('eu');
    const browserHeard = new Promise((resolve) => onSessionEnded(removed.socket, resolve));
    const room = server.rooms.peek(draftId)!;
    const [edit] = updatesOf(room.doc, (doc) => {
      const operative = doc.getXmlFragment('prosemirror').toArray()[4] as Y.XmlElement;
      ((operative.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Written after removal ');
    });

    await server.accounts.remove(removed.userId);
    removed.yjs.ws.send(syncFrame(2, edit));

    await expectEnded(removed, 'account-removed');
    expect(await browserHeard).toBe('account-removed');
    expect(paragraphTexts(room.doc).join('\n')).not.toContain('Written after removal');
    expectStillLive(other);
    const again = openRawYjs(server.wsUrl, draftId, removed.token);
    expect(await again.closed).toEqual({ code: CloseCode.Unauthorized, reason: 'sign-in required' });
  });

  it('refuses unknown accounts with a clear error', async () => {
    await expect(server.accounts.remove('no-such-user')).rejects.toMatchObject({ status: 404, message: 'no such account' });
  });
});
