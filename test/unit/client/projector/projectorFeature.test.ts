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
import { TextSelection } from 'prosemirror-state';

/** A socket that records projector:focus emits (answered ok) and lets the test broadcast. */
class ProjectorSocket {
  readonly sent: Array<Record<string, unknown>> = [];
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();
  timeout() {
    return {
      emit: (_event: string, payload: Record<string, unknown>, ack: (err: Error | null, response: unknown) => void) => {
        this.sent.push(payload);
        ack(null, { ok: true, focus: payload });
      },
    };
  }
  on(event: string, listener: (payload: unknown) => void): void {
    this.listeners.set(event, (this.listeners.get(event) ?? new Set()).add(listener));
  }
  off(event: string, listener: (payload: unknown) => void): void {
    this.listeners.get(event)?.delete(listener);
  }
  broadcast(event: string, payload: unknown): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }
}

function setup(facilitator: boolean) {
  const doc = new Y.Doc();
  prosemirrorToYXmlFragment(draftDoc({ operative: ops('Urges Member States to act;', 'Decides.') }), doc.getXmlFragment(PROSEMIRROR_FRAGMENT));
  const socket = new ProjectorSocket();
  const page = document.body.appendChild(document.createElement('div'));
  const projector = new ProjectorFeature({ draftId: 'd1', socket: socket as unknown as RealtimeSocket, facilitator, page });
  page.append(projector.control);
  const awareness = new Awareness(doc);
  const view = createCollabEditor({ mount: page.appendChild(document.createElement('div')), fragment: doc.getXmlFragment(PROSEMIRROR_FRAGMENT), awareness, editable: true, toolbar: null, plugins: [projector.plugin] });
  projector.attach(view);
  const idOf = (text: string) => view.state.doc.resolve(posOf(view.state.doc, text)).parent.attrs.id as string;
  const caret = (text: string) => view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, posOf(view.state.doc, text))));
  const highlighted = () => [...view.dom.querySelectorAll('.projector-focus')].map((el) => el.textContent);
  return {
    socket,
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
    expect(t.socket.sent).toEqual([]);
    (t.projector.control as HTMLButtonElement).click();
    expect(t.page.classList.contains('projector-mode')).toBe(true);
    expect(t.socket.sent).toEqual([{ draftId: 'd1', paragraphId: t.idOf('Urges') }]);
    t.socket.broadcast('projector:focused', { draftId: 'd1', paragraphId: t.idOf('Urges'), byName: 'Facilitator', at: '' });
    expect(t.highlighted()).toEqual(['Urges Member States to act;']);

    t.caret('Decides');
    expect(t.socket.sent.at(-1)).toEqual({ draftId: 'd1', paragraphId: t.idOf('Decides') });
    t.page.querySelector<HTMLButtonElement>('.projector-close')!.click();
    expect(t.page.classList.contains('projector-mode')).toBe(false);
    expect(t.highlighted()).toEqual([]);
    // Out of the projector view, moving the caret discusses nothing.
    t.caret('Urges');
    expect(t.socket.sent).toHaveLength(2);
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
    expect(t.socket.sent).toEqual([]);
    t.socket.broadcast('projector:focused', { draftId: 'd1', paragraphId: null, byName: 'Facilitator', at: '' });
    expect(t.highlighted()).toEqual([]);
  });
});
