/** @jest-environment jsdom */
import * as encoding from 'lib0/encoding';
import { prosemirrorToYXmlFragment } from 'y-prosemirror';
import { applyAwarenessUpdate, Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { createCollabEditor } from '../../../client/editor/createEditor';
import { PROSEMIRROR_FRAGMENT } from '../../../shared/schema';
import { draftDoc, ops } from '../shared/draftFixture';
import { frame } from '../../helpers/yjsBytes';
import { posOf } from './editorState';

/** An awareness update as a server that checks nothing would relay it from a modified client. */
function relayed(states: Array<[clientId: number, state: unknown]>): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, states.length);
    for (const [clientId, state] of states) {
      encoding.writeVarUint(e, clientId);
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, JSON.stringify(state));
    }
  });
}

describe('remote cursors in the editor', () => {
  it('draws the cursors it can read and ignores malformed states instead of breaking the editor', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment(PROSEMIRROR_FRAGMENT);
    prosemirrorToYXmlFragment(draftDoc({ operative: ops('Urges;', 'Decides.') }), fragment);
    const awareness = new Awareness(doc);
    const view = createCollabEditor({ mount: document.body.appendChild(document.createElement('div')), fragment, awareness, editable: true, toolbar: null });
    const operative = fragment.toArray()[4] as Y.XmlElement;
    const firstOperative = (operative.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const position = Y.createRelativePositionFromTypeIndex(firstOperative, 2);
    const cursor = JSON.parse(JSON.stringify({ anchor: position, head: position }));

    expect(() =>
      applyAwarenessUpdate(
        awareness,
        relayed([
          [101, { user: 'Kazakhstan', cursor }],
          [102, { user: { name: 'Nigeria' }, cursor: { anchor: null } }],
          [103, { user: { name: 'Belarus' }, cursor: { anchor: cursor.anchor, head: { tname: 'elsewhere' } } }],
          [104, { user: { name: 'European Union', color: '#1f5fbf' }, cursor }],
        ]),
        'server',
      ),
    ).not.toThrow();
    // A remote edit redraws the cursors at once (awareness changes are drawn on a timer).
    expect(() => doc.transact(() => firstOperative.insert(0, 'Firmly '), 'remote')).not.toThrow();
    expect(view.state.doc.textContent).toContain('Firmly Urges');
    expect([...view.dom.querySelectorAll('.remote-cursor-label')].map((label) => label.textContent)).toEqual(['European Union']);

    view.dispatch(view.state.tr.insertText('Strongly ', posOf(view.state.doc, 'Decides')));
    expect(firstOperative.toString()).toBe('Firmly Urges;');
    expect(view.state.doc.textContent).toContain('Strongly Decides');
    expect(fragment.toString()).toContain('Strongly Decides');
    view.destroy();
    awareness.destroy();
    doc.destroy();
  });
});
