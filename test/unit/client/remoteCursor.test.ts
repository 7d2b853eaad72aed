/** @jest-environment jsdom */
import { prosemirrorToYXmlFragment } from 'y-prosemirror';
import { applyAwarenessUpdate, Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { createCollabEditor } from '../../../client/editor/createEditor';
import { PROSEMIRROR_FRAGMENT } from '../../../shared/schema';
import { draftDoc, ops } from '../shared/draftFixture';
import { awarenessUpdate } from '../../helpers/yjsBytes';
import { posOf } from './editorState';
import { userColor } from '../../../shared/userColor';

/** An awareness update as a server that checks nothing would relay it from a modified client. */
function relayed(states: Array<[clientId: number, state: unknown]>, clock = 1): Uint8Array {
  return awarenessUpdate(states.map(([clientId, state]) => ({ clientId, clock, state })));
}

/** A draft in an editor bound to a Y.Doc, with a cursor position in its first operative paragraph. */
function editorOfDraft() {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(PROSEMIRROR_FRAGMENT);
  prosemirrorToYXmlFragment(draftDoc({ operative: ops('Urges;', 'Decides.') }), fragment);
  const awareness = new Awareness(doc);
  awareness.setLocalState({ user: { name: 'Kazakhstan', color: '#1f5fbf', userId: 'u-kz' } });
  const view = createCollabEditor({ mount: document.body.appendChild(document.createElement('div')), fragment, awareness, editable: true, toolbar: null });
  const operative = fragment.toArray()[4] as Y.XmlElement;
  const firstOperative = (operative.get(0) as Y.XmlElement).get(0) as Y.XmlText;
  const position = Y.createRelativePositionFromTypeIndex(firstOperative, 2);
  const cursor = JSON.parse(JSON.stringify({ anchor: position, head: position }));
  /** A remote edit redraws the cursors at once (awareness changes alone are drawn on a timer). */
  const remoteEdit = (text: string) => doc.transact(() => firstOperative.insert(0, text), 'remote');
  const destroy = () => {
    view.destroy();
    awareness.destroy();
    doc.destroy();
  };
  return { fragment, awareness, view, firstOperative, cursor, remoteEdit, destroy };
}

describe('remote cursors in the editor', () => {
  it('draws the cursors it can read and ignores malformed states instead of breaking the editor', () => {
    const { fragment, awareness, view, firstOperative, cursor, remoteEdit, destroy } = editorOfDraft();
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
    expect(() => remoteEdit('Firmly ')).not.toThrow();
    expect(view.state.doc.textContent).toContain('Firmly Urges');
    expect([...view.dom.querySelectorAll('.remote-cursor-label')].map((label) => label.textContent)).toEqual(['European Union']);

    view.dispatch(view.state.tr.insertText('Strongly ', posOf(view.state.doc, 'Decides')));
    expect(firstOperative.toString()).toBe('Firmly Urges;');
    expect(view.state.doc.textContent).toContain('Strongly Decides');
    expect(fragment.toString()).toContain('Strongly Decides');
    destroy();
  });

  it('draws delegations whose own colours clash in different colours', () => {
    const { awareness, view, cursor, remoteEdit, destroy } = editorOfDraft();
    const ids = Array.from({ length: 40 }, (_, i) => `user-${i}`);
    const [kz, by] = ids.flatMap((a) => ids.filter((b) => a < b && userColor(a) === userColor(b)).map((b) => [a, b]))[0];
    const teal = userColor(kz);
    applyAwarenessUpdate(
      awareness,
      relayed([
        [201, { user: { name: 'Kazakhstan', color: teal, userId: kz }, cursor }],
        [202, { user: { name: 'Belarus', color: teal, userId: by }, cursor }],
      ]),
      'server',
    );
    remoteEdit('Firmly ');
    const colours = [...view.dom.querySelectorAll<HTMLElement>('.remote-cursor-label')].map((label) => label.style.backgroundColor);
    expect(colours).toHaveLength(2);
    expect(colours[0]).not.toBe(colours[1]);
    destroy();
  });

  it('takes back its own state when a server relays another client\'s state under its client id', () => {
    const { awareness, view, remoteEdit, destroy } = editorOfDraft();
    const own = awareness.getLocalState();
    applyAwarenessUpdate(awareness, relayed([[awareness.clientID, { user: 'Forged', cursor: { anchor: null } }]], 1_000), 'server');
    expect(awareness.getLocalState()).toEqual(own);
    // y-prosemirror reads this tab's own cursor back on every view update.
    expect(() => remoteEdit('Firmly ')).not.toThrow();
    expect(view.state.doc.textContent).toContain('Firmly Urges');
    destroy();
  });
});
