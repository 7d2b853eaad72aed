/** @jest-environment jsdom */
import { prosemirrorToYXmlFragment } from 'y-prosemirror';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { RealtimeSocket } from '../../../../client/api/realtime';
import { createCollabEditor } from '../../../../client/editor/createEditor';
import { ProjectorFeature } from '../../../../client/projector/projectorFeature';
import { PROSEMIRROR_FRAGMENT } from '../../../../shared/schema';
import { draftDoc, ops } from '../../shared/draftFixture';
import { posOf } from '../editorState';
import { RecordingSocket } from '../proposeHarness';
import { TextSelection } from 'prosemirror-state';

function setup(facilitator: boolean) {
  const doc = new Y.Doc();
  prosemirrorToYXmlFragment(draftDoc({ operative: ops('Urges Member States to act;', 'Decides.') }), doc.getXmlFragment(PROSEMIRROR_FRAGMENT));
  const socket = new RecordingSocket();
  const page = document.body.appendChild(document.createElement('div'));
  const projector = new ProjectorFeature({ draftId: 'd1', socket: socket as unknown as RealtimeSocket, facilitator, page });
  page.append(projector.control);
  const awareness = new Awareness(doc);
  const view = createCollabEditor({ mount: page.appendChild(document.createElement('div')), fragment: doc.getXmlFragment(PROSEMIRROR_FRAGMENT), awareness, editable: true, toolbar: null, plugins: [projector.plugin] });
  projector.attach(view);
  const idOf = (text: string) => view.state.doc.resolve(posOf(view.state.doc, text)).parent.attrs.id as string;
  const caret = (text: string) => view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, posOf(view.state.doc, text))));
  /** The highlighted paragraphs' own text (without the label read to screen readers). */
  const highlighted = () =>
    [...view.dom.querySelectorAll('.projector-focus')].map((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.paragraph-ref').forEach((label) => label.remove());
      return copy.textContent;
    });
  /** The projector:focus payloads sent so far (left unanswered: the room's broadcast is what counts). */
  const sent = () => socket.sent.map(({ event, payload }) => ({ event, ...payload }));
  return {
    socket,
    sent,
    page,
    view,
    projector,
    idOf,
    caret,
    highlighted,
    destroy: async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      projector.destroy();
      view.destroy();
      awareness.destroy();
      doc.destroy();
      document.body.replaceChildren();
    },
  };
}

describe('ProjectorFeature', () => {
  let t: ReturnType<typeof setup>;
  afterEach(() => t.destroy());

  it('gives the facilitator a projector view in which the caret\'s paragraph is put under discussion', () => {
    t = setup(true);
    t.caret('Urges');
    expect(t.sent()).toEqual([]);
    (t.projector.control as HTMLButtonElement).click();
    expect(t.page.classList.contains('projector-mode')).toBe(true);
    expect(t.sent()).toEqual([{ event: 'projector:focus', draftId: 'd1', paragraphId: t.idOf('Urges') }]);
    t.socket.broadcast('projector:focused', { draftId: 'd1', paragraphId: t.idOf('Urges'), byName: 'Facilitator', at: '' });
    expect(t.highlighted()).toEqual(['Urges Member States to act;']);

    t.caret('Decides');
    expect(t.sent().at(-1)).toEqual({ event: 'projector:focus', draftId: 'd1', paragraphId: t.idOf('Decides') });
    t.page.querySelector<HTMLButtonElement>('.projector-close')!.click();
    expect(t.page.classList.contains('projector-mode')).toBe(false);
    expect(t.highlighted()).toEqual([]);
    // Projecting again puts the caret's paragraph under discussion again; the title is none.
    (t.projector.control as HTMLButtonElement).click();
    expect(t.sent()).toHaveLength(3);
    t.caret('A test draft');
    expect(t.sent()).toHaveLength(3);
    t.page.querySelector<HTMLButtonElement>('.projector-close')!.click();
    // Out of the projector view, moving the caret discusses nothing.
    t.caret('Urges');
    expect(t.sent()).toHaveLength(3);
  });

  it('lets a participant follow the facilitator: the paragraph under discussion is highlighted only while following, whatever draft others discuss', () => {
    t = setup(false);
    expect(t.projector.control.textContent).toContain('Follow the facilitator');
    t.socket.broadcast('projector:focused', { draftId: 'd1', paragraphId: t.idOf('Decides'), byName: 'Facilitator', at: '' });
    expect(t.highlighted()).toEqual([]);
    const follow = t.projector.control.querySelector('input')!;
    follow.checked = true;
    follow.dispatchEvent(new Event('change'));
    expect(t.highlighted()).toEqual(['Decides.']);
    t.socket.broadcast('projector:focused', { draftId: 'other', paragraphId: t.idOf('Urges'), byName: 'Facilitator', at: '' });
    expect(t.highlighted()).toEqual(['Decides.']);
    t.caret('Urges');
    expect(t.sent()).toEqual([]);
    t.socket.broadcast('projector:focused', { draftId: 'd1', paragraphId: null, byName: 'Facilitator', at: '' });
    expect(t.highlighted()).toEqual([]);
  });
});
