/** @jest-environment jsdom */
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { ySyncPluginKey } from 'y-prosemirror';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { ANNOUNCE_EDITS_EVERY_MS, Announcements } from '../../../client/announce/announcements';
import { remoteEditText } from '../../../client/announce/remoteEditText';
import { draftDoc, ops } from '../shared/draftFixture';
import { posOf } from './editorState';

/** Another delegation's device: its own Y.Doc and awareness, named as the room shows it. */
function delegation(name: string) {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  awareness.setLocalStateField('user', { name });
  return { doc, awareness };
}

function setup() {
  const announcements = new Announcements();
  const mine = delegation('Belarus');
  const kazakhstan = delegation('Kazakhstan');
  applyAwarenessUpdate(mine.awareness, encodeAwarenessUpdate(kazakhstan.awareness, [kazakhstan.doc.clientID]), 'remote');
  announcements.watch(mine.doc, mine.awareness);
  const view = new EditorView(document.body.appendChild(document.createElement('div')), {
    state: EditorState.create({
      doc: draftDoc({ preambular: ['Recalling its resolutions,'], operative: ops('Urges Member States;', 'Requests the Secretariat;') }),
      plugins: [announcements.plugin],
    }),
  });
  /** Kazakhstan types: its Yjs update reaches this device, then the editor shows the words (as y-prosemirror does). */
  const kazakhstanTypes = (text: string, before: string) => {
    kazakhstan.doc.getText('typed').insert(0, text);
    Y.applyUpdate(mine.doc, Y.encodeStateAsUpdate(kazakhstan.doc), 'provider');
    remoteInsert(text, before);
  };
  const remoteInsert = (text: string, before: string) =>
    view.dispatch(view.state.tr.insertText(text, posOf(view.state.doc, before)).setMeta(ySyncPluginKey, { isChangeOrigin: true }));
  const spoken = () => announcements.element.textContent;
  const destroy = () => {
    view.destroy();
    announcements.destroy();
    for (const { doc, awareness } of [mine, kazakhstan]) {
      awareness.destroy();
      doc.destroy();
    }
  };
  return { announcements, view, kazakhstanTypes, remoteInsert, spoken, destroy };
}

describe('announcements for screen readers', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('is one polite live region', () => {
    const { announcements, destroy } = setup();
    expect(announcements.element.getAttribute('aria-live')).toBe('polite');
    expect(announcements.element.getAttribute('role')).toBe('status');
    destroy();
  });

  it('sums up remote typing by delegation and paragraph, at most once every few seconds', () => {
    const { kazakhstanTypes, spoken, destroy } = setup();
    for (const letter of 'all ') kazakhstanTypes(letter, 'Member');
    kazakhstanTypes('x', 'Secretariat');
    expect(spoken()).toBe('');
    jest.advanceTimersByTime(ANNOUNCE_EDITS_EVERY_MS - 1);
    expect(spoken()).toBe('');
    jest.advanceTimersByTime(1);
    expect(spoken()).toBe('Kazakhstan edited OP1 and OP2.');
    kazakhstanTypes('y', 'Recalling');
    jest.advanceTimersByTime(ANNOUNCE_EDITS_EVERY_MS);
    expect(spoken()).toBe('Kazakhstan edited PP1.');
    destroy();
  });

  it('says nothing of its own typing', () => {
    const { view, spoken, destroy } = setup();
    view.dispatch(view.state.tr.insertText('x', posOf(view.state.doc, 'Member')));
    jest.advanceTimersByTime(ANNOUNCE_EDITS_EVERY_MS);
    expect(spoken()).toBe('');
    destroy();
  });

  it('names no one for a change no one present wrote (a deletion, a restore on the server)', () => {
    const { remoteInsert, spoken, destroy } = setup();
    remoteInsert('z', 'Requests');
    jest.advanceTimersByTime(ANNOUNCE_EDITS_EVERY_MS);
    expect(spoken()).toBe('OP2 changed.');
    destroy();
  });

  it('tells connection changes, but not the first connect of the page', () => {
    const { announcements, spoken, destroy } = setup();
    announcements.connectionChanged('reconnecting');
    announcements.connectionChanged('connected');
    expect(spoken()).toBe('');
    announcements.connectionChanged('offline');
    expect(spoken()).toMatch(/^Offline\. Your changes are kept on this device/);
    announcements.connectionChanged('connected');
    expect(spoken()).toBe('Connected again. Changes are shared with the other delegations.');
    destroy();
  });
});

describe('remoteEditText', () => {
  it('lists a few paragraphs and counts many', () => {
    expect(remoteEditText(new Map([['Kazakhstan', ['OP3']]]))).toBe('Kazakhstan edited OP3.');
    expect(
      remoteEditText(
        new Map<string | null, string[]>([
          ['Kazakhstan', ['OP3', 'OP4', 'PP2']],
          ['Belarus', ['PP1', 'PP2', 'PP3', 'OP1']],
          [null, ['OP5']],
        ]),
      ),
    ).toBe('Kazakhstan edited OP3, OP4 and PP2. Belarus edited 4 paragraphs. OP5 changed.');
  });
});
