import * as Y from 'yjs';
import { ProtocolError } from '../../../server/collab/parseMessage';
import { validateUpdate } from '../../../server/collab/validateUpdate';
import { garbage, updatesOf, withoutDeleteSet } from '../../helpers/yjsBytes';

const insert = (text: string, index = 0) => (doc: Y.Doc) => doc.getText('t').insert(index, text);

describe('validateUpdate', () => {
  let server: Y.Doc;

  beforeEach(() => {
    server = new Y.Doc();
    Y.applyUpdate(server, updatesOf(null, insert('hello'))[0]);
  });
  afterEach(() => server.destroy());

  const refusal = (update: Uint8Array) => {
    try {
      validateUpdate(server, update);
      return null;
    } catch (err) {
      expect(err).toBeInstanceOf(ProtocolError);
      return (err as Error).message;
    }
  };

  describe('accepts', () => {
    it('an update that follows on from the document', () => {
      expect(refusal(updatesOf(server, insert(' world', 5))[0])).toBeNull();
    });

    it('an update from a client the document has not seen, starting at its beginning', () => {
      expect(refusal(updatesOf(null, (doc) => doc.getMap('m').set('k', 1))[0])).toBeNull();
    });

    it('an update the document already has', () => {
      expect(refusal(Y.encodeStateAsUpdate(server))).toBeNull();
    });

    it('an update that changes nothing', () => {
      expect(refusal(Y.encodeStateAsUpdate(new Y.Doc()))).toBeNull();
    });

    it('a deletion of text the document has', () => {
      expect(refusal(updatesOf(server, (doc) => doc.getText('t').delete(0, 2))[0])).toBeNull();
    });
  });

  describe('refuses', () => {
    it('bytes that are not a Yjs update', () => {
      expect(refusal(garbage(64))).toBe('not a Yjs update');
      expect(refusal(new Uint8Array(0))).toBe('not a Yjs update');
    });

    it('an update cut short before its delete set, which Yjs would half apply', () => {
      const cut = withoutDeleteSet(updatesOf(server, insert('HALF '))[0]);
      // The premise: applying it throws only after the inserts are in.
      const victim = new Y.Doc();
      Y.applyUpdate(victim, Y.encodeStateAsUpdate(server));
      expect(() => Y.applyUpdate(victim, cut)).toThrow();
      expect(victim.getText('t').toString()).toBe('HALF hello');
      victim.destroy();

      expect(refusal(cut)).toBe('not a Yjs update');
    });

    it('an update that depends on changes the document does not have', () => {
      const other = new Y.Doc();
      const [, second] = updatesOf(other, insert('first'), insert('second'));
      const [client] = Y.parseUpdateMeta(second).from.keys();
      expect(refusal(second)).toBe(`update depends on changes the server does not have (client ${client})`);
      other.destroy();
    });
  });

  it('only looks: the document is the same after any verdict', () => {
    const before = Y.encodeStateAsUpdate(server);
    refusal(updatesOf(server, insert('more'))[0]);
    refusal(withoutDeleteSet(updatesOf(server, insert('cut'))[0]));
    expect(Y.encodeStateAsUpdate(server)).toEqual(before);
    expect(server.getText('t').toString()).toBe('hello');
  });
});
