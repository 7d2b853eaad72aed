import * as encoding from 'lib0/encoding';
import { prosemirrorToYXmlFragment } from 'y-prosemirror';
import * as Y from 'yjs';
import { ProtocolError } from '../../../server/collab/parseMessage';
import { assertUpdateFitsSchema } from '../../../server/collab/validateContent';
import { ClientUpdate } from '../../../server/collab/clientUpdate';
import { PROSEMIRROR_FRAGMENT } from '../../../shared/schema';
import { updatesOf } from '../../helpers/yjsBytes';
import { draftDoc, ops } from '../shared/draftFixture';

/** The draft's parts in a Y.Doc: [heading, sponsors, title, preamble, operative]. */
const part = (doc: Y.Doc, index: number) => doc.getXmlFragment(PROSEMIRROR_FRAGMENT).get(index) as Y.XmlElement;
const heading = (doc: Y.Doc) => part(doc, 0);
const title = (doc: Y.Doc) => part(doc, 2);
const formula = (doc: Y.Doc) => part(doc, 3).get(0) as Y.XmlElement;
const operative = (doc: Y.Doc) => part(doc, 4);
const op = (doc: Y.Doc, index = 0) => operative(doc).get(index) as Y.XmlElement;
const textOf = (element: Y.XmlElement) => element.get(0) as Y.XmlText;

/**
 * An update made of exactly these structs, one group per client as given (a client may be
 * listed twice), with an empty delete set: what a modified client can put on the wire.
 */
function encodeStructs(groups: Array<Array<Y.Item | Y.GC>>): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, groups.length);
  for (const group of groups) {
    encoding.writeVarUint(encoder.restEncoder, group.length);
    encoder.writeClient(group[0].id.client);
    encoding.writeVarUint(encoder.restEncoder, group[0].id.clock);
    group.forEach((struct) => struct.write(encoder, 0));
  }
  encoding.writeVarUint(encoder.restEncoder, 0);
  return encoder.toUint8Array();
}

const itemsOf = (update: Uint8Array) => Y.decodeUpdate(update).structs.filter((s): s is Y.Item => s instanceof Y.Item);

describe('assertUpdateFitsSchema', () => {
  let server: Y.Doc;

  beforeEach(() => {
    server = new Y.Doc();
    prosemirrorToYXmlFragment(draftDoc({ operative: ops('Urges States;', [1, 'To act;'], 'Decides.') }), server.getXmlFragment(PROSEMIRROR_FRAGMENT));
  });
  afterEach(() => server.destroy());

  /** The refusal's message, or null when the update is accepted. */
  const refusal = (update: Uint8Array): string | null => {
    try {
      assertUpdateFitsSchema(new ClientUpdate(server, update));
      return null;
    } catch (err) {
      expect(err).toBeInstanceOf(ProtocolError);
      return (err as Error).message;
    }
  };
  /** One transaction of a stock Yjs client that has the server's state. */
  const edit = (change: (doc: Y.Doc) => void) => updatesOf(server, change)[0];
  /** One transaction of a stock Yjs client that starts from an empty document. */
  const fresh = (change: (doc: Y.Doc) => void) => updatesOf(null, change)[0];

  describe('refuses nodes the schema does not have or does not allow there', () => {
    it.each<[string, (doc: Y.Doc) => void, RegExp]>([
      ['an unknown node name', (d) => operative(d).insert(0, [new Y.XmlElement('script')]), /element "script" in operative/],
      ['"text" as an element', (d) => op(d).insert(0, [new Y.XmlElement('text')]), /element "text"/],
      ['"doc" as an element', (d) => operative(d).insert(0, [new Y.XmlElement('doc')]), /element "doc"/],
      ['a paragraph inside the heading', (d) => heading(d).insert(0, [new Y.XmlElement('operative_paragraph')]), /element "operative_paragraph" in heading/],
      ['a paragraph inside a paragraph', (d) => op(d).insert(1, [new Y.XmlElement('operative_paragraph')]), /in operative_paragraph/],
      ['a section inside a section', (d) => operative(d).insert(1, [new Y.XmlElement('preamble')]), /element "preamble" in operative/],
      ['a paragraph at the top of the draft', (d) => d.getXmlFragment(PROSEMIRROR_FRAGMENT).insert(5, [new Y.XmlElement('formula')]), /in doc/],
      ['text directly in a section', (d) => operative(d).insert(0, [new Y.XmlText('loose')]), /YXmlText in operative/],
      ['text at the top of the draft', (d) => d.getXmlFragment(PROSEMIRROR_FRAGMENT).insert(0, [new Y.XmlText('x')]), /YXmlText in doc/],
      ['a hook element', (d) => operative(d).insert(0, [new Y.XmlHook('x') as unknown as Y.XmlElement]), /YXmlHook in operative/],
      ['a name that cannot go into a close reason', (d) => operative(d).insert(0, [new Y.XmlElement('ü'.repeat(200))]), /element "\?{24}"/],
    ])('%s', (_, change, message) => {
      expect(refusal(edit(change))).toMatch(message);
    });

    it('a new element whose children do not fit it, in the same update', () => {
      const update = edit((d) => {
        const paragraph = new Y.XmlElement('operative_paragraph');
        paragraph.insert(0, [new Y.XmlElement('title')]);
        operative(d).insert(0, [paragraph]);
      });
      expect(refusal(update)).toMatch(/element "title" in operative_paragraph/);
    });
  });

  describe('refuses marks the schema does not have or the node does not allow', () => {
    it.each<[string, (doc: Y.Doc) => void, RegExp]>([
      ['an unknown mark', (d) => textOf(op(d)).format(0, 3, { bold: true }), /mark "bold" in operative_paragraph/],
      ['text inserted with an unknown mark', (d) => textOf(op(d)).insert(0, 'x', { link: { href: 'x' } }), /mark "link"/],
      ['a mark in a one-line part', (d) => textOf(title(d)).format(0, 2, { strong: {} }), /mark "strong" in title/],
      ['a mark whose value is not an object', (d) => textOf(op(d)).format(0, 3, { strong: true }), /bad attributes for mark strong/],
      ['a mark whose value is a list', (d) => textOf(op(d)).format(0, 3, { em: [] }), /bad attributes for mark em/],
      ['a mark with attributes it does not have', (d) => textOf(op(d)).format(0, 3, { em: { href: 'x' } }), /bad attributes for mark em/],
      ['a hashed key for a mark that never overlaps', (d) => textOf(op(d)).format(0, 3, { 'strong--abcdefgh': {} }), /mark "strong--abcdefgh"/],
    ])('%s', (_, change, message) => {
      expect(refusal(edit(change))).toMatch(message);
    });
  });

  describe('refuses attributes the node does not have, or values of the wrong type', () => {
    it.each<[string, (doc: Y.Doc) => void, RegExp]>([
      ['an unknown attribute', (d) => op(d).setAttribute('onclick', 'x'), /attribute "onclick" on operative_paragraph/],
      ['an attribute of another node type', (d) => formula(d).setAttribute('level', 1 as unknown as string), /attribute "level" on formula/],
      ['an attribute on a section', (d) => operative(d).setAttribute('id', 'x'), /attribute "id" on operative/],
      ['an id that is a number', (d) => op(d).setAttribute('id', 42 as unknown as string), /bad value for attribute id/],
      ['an id that is too long', (d) => op(d).setAttribute('id', 'p'.repeat(65)), /bad value for attribute id/],
      ['a level too deep', (d) => op(d, 1).setAttribute('level', 5 as unknown as string), /bad value for attribute level/],
      ['a negative level', (d) => op(d, 1).setAttribute('level', -1 as unknown as string), /bad value for attribute level/],
      ['a fractional level', (d) => op(d, 1).setAttribute('level', 1.5 as unknown as string), /bad value for attribute level/],
      ['a level written as a string', (d) => op(d, 1).setAttribute('level', '1'), /bad value for attribute level/],
      ['an attribute on text', (d) => textOf(op(d)).setAttribute('id', 'x'), /attribute "id" on text of operative_paragraph/],
    ])('%s', (_, change, message) => {
      expect(refusal(edit(change))).toMatch(message);
    });
  });

  describe('refuses content of the wrong kind', () => {
    it.each<[string, (doc: Y.Doc) => void, RegExp]>([
      ['binary data in the draft', (d) => d.getArray(PROSEMIRROR_FRAGMENT).push([new Uint8Array([1])]), /ContentBinary in doc/],
      ['a subdocument in the draft', (d) => d.getArray(PROSEMIRROR_FRAGMENT).push([new Y.Doc()]), /ContentDoc in doc/],
      ['a plain value in the draft', (d) => d.getArray(PROSEMIRROR_FRAGMENT).push([1]), /ContentAny in doc/],
      ['characters directly in the draft', (d) => d.getText(PROSEMIRROR_FRAGMENT).insert(0, 'x'), /ContentString in doc/],
    ])('%s', (_, change, message) => {
      expect(refusal(fresh(change))).toMatch(message);
    });

    it('an embed in text', () => {
      expect(refusal(edit((d) => textOf(op(d)).insertEmbed(0, { image: 'x' })))).toMatch(/ContentEmbed in text of operative_paragraph/);
    });

    it('a type embedded in text', () => {
      expect(refusal(edit((d) => textOf(op(d)).insertEmbed(0, new Y.Map())))).toMatch(/ContentType in text of operative_paragraph/);
    });
  });

  describe('refuses writes outside the draft', () => {
    it.each<[string, (doc: Y.Doc) => void]>([
      ['a top-level map', (d) => d.getMap('x').set('a', 1)],
      ['a top-level text', (d) => d.getText('notes').insert(0, 'x')],
      ['a top-level fragment', (d) => d.getXmlFragment('prosemirror2').insert(0, [new Y.XmlElement('operative')])],
      [
        'an item put there and deleted in the same change',
        (d) => {
          d.getArray('x').insert(0, [1]);
          d.getArray('x').delete(0);
        },
      ],
    ])('%s', (_, change) => {
      expect(refusal(fresh(change))).toMatch(/write to root "/);
    });

  });

  describe('refuses references it cannot follow', () => {
    /** A keystroke after the first character of an operative paragraph, as a decoded item. */
    const keystroke = (index: number) => itemsOf(edit((d) => textOf(op(d, index)).insert(1, 'x')))[0];

    it('an item between neighbours in different paragraphs', () => {
      const item = keystroke(0);
      const elsewhere = keystroke(2);
      item.rightOrigin = elsewhere.rightOrigin;
      expect(refusal(encodeStructs([[item]]))).toBe('item between neighbours of different types');
    });

    it('an item whose neighbour is its own later change', () => {
      const item = keystroke(0);
      item.origin = Y.createID(item.id.client, item.id.clock + 5);
      expect(refusal(encodeStructs([[item]]))).toBe('item refers to its own future');
    });

    it('an item whose neighbour the server does not have', () => {
      const item = keystroke(0);
      item.origin = Y.createID(123456, 0);
      expect(refusal(encodeStructs([[item]]))).toBe('update refers to content the server does not have');
    });

    it("two clients' items that are each other's neighbours", () => {
      const a = keystroke(0);
      const b = itemsOf(updatesOf(server, (d) => textOf(op(d, 0)).insert(0, 'y'))[0])[0];
      a.origin = b.id;
      a.rightOrigin = null;
      b.origin = a.id;
      b.rightOrigin = null;
      expect(refusal(encodeStructs([[a], [b]]))).toBe('update refers to itself in a cycle');
    });

    it('elements nested deeper than any draft, listed innermost first, without overflowing the stack', () => {
      const [element] = itemsOf(fresh((d) => d.getXmlFragment(PROSEMIRROR_FRAGMENT).insert(0, [new Y.XmlElement('operative')])));
      // Each level from its own client, the deepest first, so nothing is placed before its parent is looked up.
      const levels = Array.from({ length: 20_000 }, (_, level) => {
        const parent = level === 0 ? PROSEMIRROR_FRAGMENT : Y.createID(level, 0);
        return new Y.Item(Y.createID(level + 1, 0), null, null, null, null, parent as Y.ID, null, element.content);
      });
      expect(refusal(encodeStructs(levels.reverse().map((item) => [item])))).toBe('outside the schema: nested too deep');
    });

    it('a client listed twice, with another in between', () => {
      const [first, second] = itemsOf(
        edit((d) => {
          textOf(op(d)).insert(3, 'a');
          textOf(op(d)).insert(0, 'b');
        }),
      );
      const other = itemsOf(updatesOf(server, (d) => textOf(op(d, 2)).insert(0, 'y'))[0])[0];
      expect(refusal(encodeStructs([[first], [other], [second]]))).toBe('update lists a client twice');
    });

    it('an attribute whose parent is a character, not a node', () => {
      const setting = itemsOf(edit((d) => op(d).setAttribute('id', 'p-x')))[0];
      setting.origin = null;
      setting.parent = textOf(op(server))._start!.id;
      expect(refusal(encodeStructs([[setting]]))).toBe('parent is not a type');
    });
  });

  describe('accepts', () => {
    it.each<[string, (doc: Y.Doc) => void]>([
      ['every sub-paragraph level', (d) => [0, 1, 2, 3, 4].forEach((level) => op(d, 1).setAttribute('level', level as unknown as string))],
      ['a paragraph without an id', (d) => op(d).setAttribute('id', null as unknown as string)],
      ['a removed attribute', (d) => op(d, 1).removeAttribute('level')],
      [
        'deleted text and paragraphs',
        (d) => {
          textOf(op(d)).delete(0, 3);
          operative(d).delete(1, 1);
        },
      ],
      ['a new operative paragraph with text and marks', (d) => {
        const paragraph = new Y.XmlElement('operative_paragraph');
        paragraph.setAttribute('id', 'p-new');
        paragraph.setAttribute('level', 1 as unknown as string);
        paragraph.insert(0, [new Y.XmlText()]);
        operative(d).insert(1, [paragraph]);
        (paragraph.get(0) as Y.XmlText).insert(0, 'Requests ', { em: {} });
      }],
    ])('%s', (_, change) => {
      expect(refusal(edit(change))).toBeNull();
    });

    it('the end of a mark', () => {
      Y.applyUpdate(server, edit((d) => textOf(op(d)).format(0, 5, { strong: {} })));
      expect(refusal(edit((d) => textOf(op(d)).format(0, 3, { strong: null })))).toBeNull();
    });

    it('an update the server already has in full', () => {
      expect(refusal(Y.encodeStateAsUpdate(server))).toBeNull();
    });

    it('offline edits sent in one sync step 2', () => {
      const offline = new Y.Doc();
      Y.applyUpdate(offline, Y.encodeStateAsUpdate(server));
      textOf(op(offline)).insert(0, 'Strongly ');
      textOf(op(offline)).format(0, 8, { strong: {} });
      op(offline, 1).setAttribute('level', 2 as unknown as string);
      operative(offline).insert(3, [new Y.XmlElement('operative_paragraph')]);
      (operative(offline).get(3) as Y.XmlElement).insert(0, [new Y.XmlText('Decides further.')]);
      expect(refusal(Y.encodeStateAsUpdate(offline, Y.encodeStateVector(server)))).toBeNull();
      offline.destroy();
    });

    it("another client's new first element and an element next to it, relayed in one update", () => {
      const [created] = updatesOf(null, (d) => d.getXmlFragment(PROSEMIRROR_FRAGMENT).insert(0, [new Y.XmlElement('operative')]));
      expect(itemsOf(created)[0].parent).toBe(PROSEMIRROR_FRAGMENT);
      const relaying = new Y.Doc();
      Y.applyUpdate(relaying, Y.encodeStateAsUpdate(server));
      Y.applyUpdate(relaying, created);
      const fragment = relaying.getXmlFragment(PROSEMIRROR_FRAGMENT);
      const at = fragment.toArray().findIndex((child) => (child as Y.XmlElement).length === 0);
      const [next] = updatesOf(relaying, (d) => d.getXmlFragment(PROSEMIRROR_FRAGMENT).insert(at === 0 ? 1 : at, [new Y.XmlElement('title')]));
      const between = itemsOf(next)[0];
      expect([between.origin, between.rightOrigin].every((id) => id !== null)).toBe(true);
      expect(refusal(Y.mergeUpdates([created, next]))).toBeNull();
      relaying.destroy();
    });

    it('typing in a paragraph someone else deleted meanwhile (Yjs drops it)', () => {
      const typing = edit((d) => textOf(op(d, 2)).insert(0, 'Also '));
      operative(server).delete(2, 1);
      expect(refusal(typing)).toBeNull();
      Y.applyUpdate(server, typing);
      expect(server.getXmlFragment(PROSEMIRROR_FRAGMENT).toString()).not.toContain('Also');
    });
  });
});
