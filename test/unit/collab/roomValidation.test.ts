import * as Y from 'yjs';
import * as validation from '../../../server/collab/validateUpdate';
import { ProtocolError } from '../../../server/collab/parseMessage';
import { UnavailableError } from '../../../server/collab/unavailableError';
import { ERROR } from '../../helpers/captureLogs';
import { awarenessUpdate, updatesAs } from '../../helpers/yjsBytes';
import { baseDoc, openRoomFixture, paragraphText as text, type RoomFixture } from './roomFixture';

describe('Room: validating client updates', () => {
  let fixture: RoomFixture;
  let base: Y.Doc;

  beforeEach(async () => {
    fixture = await openRoomFixture();
    base = baseDoc();
  });
  afterEach(async () => {
    base.destroy();
    await fixture.dispose();
  });

  it('holds updates that follow on from the sender\'s own changes still on their way, then applies them in order', async () => {
    const { connection } = fixture.connect();
    const [first, second, third] = updatesAs(null, base, (doc) => text(doc).insert(0, 'Urges '), (doc) => text(doc).insert(6, 'Member '), (doc) => text(doc).insert(13, 'States'));
    await fixture.room.receive(connection, { type: 'update', update: third });
    await fixture.room.receive(connection, { type: 'update', update: second });
    expect(text(fixture.room.doc).toString()).toBe('');
    await fixture.room.receive(connection, { type: 'update', update: first });
    expect(text(fixture.room.doc).toString()).toBe('Urges Member States');
    expect(fixture.room.doc.store.pendingStructs).toBeNull();
  });

  it('refuses a connection that names hundreds of client ids new to the server (each would be a row in the store)', async () => {
    const { connection } = fixture.connect();
    const manyWriters = Y.mergeUpdates(Array.from({ length: 300 }, (_, i) => updatesAs(10_000 + i, base, (doc) => text(doc).insert(0, 'x'))[0]));
    expect(() => fixture.room.receive(connection, { type: 'update', update: manyWriters })).toThrow('too many new client ids on one connection');
    expect(text(fixture.room.doc).toString()).toBe('');
    const [typed] = updatesAs(null, base, (doc) => text(doc).insert(0, 'Urges'));
    await fixture.room.receive(fixture.connect().connection, { type: 'update', update: typed });
    expect(text(fixture.room.doc).toString()).toBe('Urges');
  });

  it('never keeps changes pending, even if the checks before it missed a dependency (defence in depth)', async () => {
    const { connection } = fixture.connect();
    const [, deletion] = updatesAs(4242, base, (doc) => text(doc).insert(0, 'future'), (doc) => text(doc).delete(0, 6));
    const check = jest.spyOn(validation, 'validateUpdate').mockReturnValueOnce({ writes: [], missing: new Set() });
    try {
      expect(() => fixture.room.receive(connection, { type: 'update', update: deletion })).toThrow(ProtocolError);
    } finally {
      check.mockRestore();
    }
    expect(fixture.room.doc.store.pendingDs).toBeNull();
    expect(fixture.logs.entries).toContainEqual(expect.objectContaining({ level: ERROR, msg: 'update left changes pending; dropped them' }));
  });

  it('asks the client to come back later (not a bad frame) when the store fails to claim a new client id', async () => {
    const { connection } = fixture.connect();
    const [typed] = updatesAs(4343, base, (doc) => text(doc).insert(0, 'Urges '));
    const claims = jest.spyOn(fixture.temp.store.clientIds, 'claim').mockRejectedValue(new Error('store down (test)'));
    try {
      await expect(fixture.room.receive(connection, { type: 'update', update: typed })).rejects.toBeInstanceOf(UnavailableError);
      const announce = awarenessUpdate([{ clientId: 4343, clock: 1, state: {} }]);
      await expect(fixture.room.receive(connection, { type: 'awareness', update: announce })).rejects.toBeInstanceOf(UnavailableError);
    } finally {
      claims.mockRestore();
    }
    expect(fixture.logs.entries).toContainEqual(expect.objectContaining({ level: ERROR, msg: 'claiming client ids failed' }));
    expect(text(fixture.room.doc).toString()).toBe('');
  });
});
