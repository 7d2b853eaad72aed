/** @jest-environment jsdom */
import type { EditorView } from 'prosemirror-view';
import { prosemirrorJSONToYDoc, prosemirrorToYXmlFragment, yXmlFragmentToProsemirrorJSON } from 'y-prosemirror';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { insertOperativeParagraph, insertPreambularParagraph } from '../../../client/editor/commands/insertParagraph';
import { createCollabEditor } from '../../../client/editor/createEditor';
import { assertUpdateFitsSchema } from '../../../server/collab/validateContent';
import { ClientUpdate } from '../../../server/collab/clientUpdate';
import { DEMO_DRAFT } from '../../../server/domain/seed/demoDraft';
import { blankResolution, outlineToDoc, type DraftOutline } from '../../../shared/draftTemplate';
import { PROSEMIRROR_FRAGMENT, resolutionSchema } from '../../../shared/schema';
import { withCursor, withSelection } from '../client/editorState';

/**
 * The server's copy of a draft and one delegation's real editor (ySyncPlugin, keymap, stable
 * ids, undo) on its own Y.Doc. Every update the editor makes is checked against the server's
 * copy and applied there, as the room does; refusals are collected instead of thrown into the
 * editor.
 */
function delegationEditing(outline: DraftOutline) {
  const server = prosemirrorJSONToYDoc(resolutionSchema, outlineToDoc(outline), PROSEMIRROR_FRAGMENT);
  const local = new Y.Doc();
  Y.applyUpdate(local, Y.encodeStateAsUpdate(server));
  const refusals: string[] = [];
  let accepted = 0;
  local.on('update', (update: Uint8Array) => {
    try {
      assertUpdateFitsSchema(new ClientUpdate(server, update));
      Y.applyUpdate(server, update);
      accepted += 1;
    } catch (err) {
      refusals.push((err as Error).message);
    }
  });
  const awareness = new Awareness(local);
  const view = createCollabEditor({
    mount: document.body.appendChild(document.createElement('div')),
    fragment: local.getXmlFragment(PROSEMIRROR_FRAGMENT),
    awareness,
    editable: true,
    toolbar: document.createElement('div'),
  });
  return {
    view,
    server,
    refusals,
    accepted: () => accepted,
    destroy() {
      view.destroy();
      awareness.destroy();
      local.destroy();
      server.destroy();
    },
  };
}

/** Key presses through the editor's own keymaps, named as in them ('Enter', 'Shift-Tab', 'Mod-b'; Mod is Ctrl here). */
function press(view: EditorView, ...keys: string[]) {
  for (const name of keys) {
    const parts = name.split('-');
    const key = parts[parts.length - 1];
    const event = new KeyboardEvent('keydown', { key, ctrlKey: parts.includes('Mod'), shiftKey: parts.includes('Shift'), cancelable: true });
    if (!view.someProp('handleKeyDown', (handle) => handle(view, event))) throw new Error(`${name} did nothing`);
  }
}

/** jsdom has no ClipboardEvent; ProseMirror only needs an event to hand to paste handlers. */
const pasteEvent = () => new Event('paste') as ClipboardEvent;

function type(view: EditorView, text: string) {
  for (const char of text) view.dispatch(view.state.tr.insertText(char));
}

const caretAt = (view: EditorView, text: string, offset = 0) => view.updateState(withCursor(view.state, text, offset));

describe('assertUpdateFitsSchema accepts what the real editor writes', () => {
  let editing: ReturnType<typeof delegationEditing>;
  afterEach(() => editing.destroy());

  /** Every update was accepted, there were some, and the server's text is the editor's. */
  const expectAllAccepted = () => {
    expect(editing.refusals).toEqual([]);
    expect(editing.accepted()).toBeGreaterThan(0);
    const onServer = resolutionSchema.nodeFromJSON(yXmlFragmentToProsemirrorJSON(editing.server.getXmlFragment(PROSEMIRROR_FRAGMENT)));
    expect(onServer.eq(editing.view.state.doc)).toBe(true);
  };

  describe('on the demo draft', () => {
    beforeEach(() => {
      editing = delegationEditing(DEMO_DRAFT);
    });

    it('typing, splitting and joining paragraphs', () => {
      const { view } = editing;
      caretAt(view, 'Urges Member States');
      type(view, 'Strongly ');
      caretAt(view, 'Urges Member States', 'Urges Member'.length);
      press(view, 'Enter');
      type(view, 'Also');
      const caret = view.state.selection.from;
      view.dispatch(view.state.tr.delete(caret - 1, caret));
      caretAt(view, 'Als States');
      press(view, 'Backspace');
      caretAt(view, 'Ensuring that');
      press(view, 'Backspace');
      expectAllAccepted();
    });

    it('Tab and Shift-Tab change sub-paragraph levels, Enter at the start opens a paragraph above', () => {
      const { view } = editing;
      caretAt(view, 'Calls upon');
      press(view, 'Tab', 'Tab', 'Shift-Tab', 'Enter');
      type(view, 'Further');
      expectAllAccepted();
    });

    it('bold, italics and underline, on and off, across paragraphs', () => {
      const { view } = editing;
      view.updateState(withSelection(view.state, 'Urges', 'Ensuring'));
      press(view, 'Mod-b', 'Mod-i', 'Mod-u', 'Mod-b');
      caretAt(view, 'Calls upon');
      press(view, 'Mod-i');
      type(view, 'Kindly ');
      expectAllAccepted();
    });

    it('undo and redo of typing, formatting and a new paragraph', () => {
      const { view } = editing;
      caretAt(view, 'Urges');
      type(view, 'Again ');
      view.updateState(withSelection(view.state, 'Again', 'Urges'));
      press(view, 'Mod-b');
      insertOperativeParagraph(view.state, view.dispatch);
      type(view, 'New paragraph');
      press(view, 'Mod-z', 'Mod-y', 'Mod-z');
      expectAllAccepted();
    });

    it('pasting formatted paragraphs, with and without our own markup', () => {
      const { view } = editing;
      caretAt(view, 'Urges');
      view.pasteHTML(
        '<p>Pasted <b>bold</b> <i>and</i> <u>more</u></p><p>second <script>x</script><img src=x>para</p>',
        pasteEvent(),
      );
      caretAt(view, 'Calls upon');
      view.pasteHTML('<p class="op" data-id="p-copied" data-level="1"><strong>Copied</strong> clause;</p><h1>Heading</h1>', pasteEvent());
      caretAt(view, 'Recalling');
      view.pasteText('plain\n\ntext', pasteEvent());
      expectAllAccepted();
    });

    it('pasting markup from elsewhere that imitates ours with odd ids and levels', () => {
      const { view } = editing;
      caretAt(view, 'Calls upon');
      view.pasteHTML(
        `<p class="op" data-level="9">deep</p><p class="op" data-level="x">odd</p><p class="op" data-level="-2">up</p>` +
          `<p class="pp" data-id="${'y'.repeat(200)}">long id</p><p class="op" data-level="2.5" data-id="">half</p>`,
        pasteEvent(),
      );
      expectAllAccepted();
    });

    it('a deletion across the preamble and the operative part, and new paragraphs', () => {
      const { view } = editing;
      view.updateState(withSelection(view.state, 'Deeply concerned', 'Ensuring'));
      view.dispatch(view.state.tr.deleteSelection());
      caretAt(view, 'Invites');
      insertOperativeParagraph(view.state, view.dispatch);
      caretAt(view, 'Recalling');
      insertPreambularParagraph(view.state, view.dispatch);
      type(view, 'Noting');
      expectAllAccepted();
    });
  });

  it('typing into the heading, sponsors and title of a new draft from the template', () => {
    editing = delegationEditing(blankResolution('A new draft', 'E/CN.15/2026/L.9'));
    const { view } = editing;
    caretAt(view, 'A new draft');
    type(view, 'Countering ');
    caretAt(view, 'E/CN.15/2026/L.9', 'E/CN.15/2026/L.9'.length);
    type(view, '/Rev.1');
    press(view, 'Enter');
    type(view, 'Commission');
    expectAllAccepted();
  });
});

describe('assertUpdateFitsSchema accepts what the server itself writes', () => {
  const demoDoc = () => prosemirrorJSONToYDoc(resolutionSchema, outlineToDoc(DEMO_DRAFT), PROSEMIRROR_FRAGMENT);

  it('the demo draft and the template as the first state of a draft', () => {
    const empty = new Y.Doc();
    const demo = demoDoc();
    const template = prosemirrorJSONToYDoc(resolutionSchema, outlineToDoc(blankResolution('T', 'S')), PROSEMIRROR_FRAGMENT);
    expect(() => assertUpdateFitsSchema(new ClientUpdate(empty, Y.encodeStateAsUpdate(demo)))).not.toThrow();
    expect(() => assertUpdateFitsSchema(new ClientUpdate(empty, Y.encodeStateAsUpdate(template)))).not.toThrow();
    [empty, demo, template].forEach((doc) => doc.destroy());
  });

  it('the restore of an old text over the current one', () => {
    const live = demoDoc();
    const restoring = new Y.Doc();
    Y.applyUpdate(restoring, Y.encodeStateAsUpdate(live));
    const updates: Uint8Array[] = [];
    restoring.on('update', (update: Uint8Array) => updates.push(update));
    const oldText = resolutionSchema.nodeFromJSON(outlineToDoc(blankResolution('Old title', 'E/CN.15/2025/L.1')));
    prosemirrorToYXmlFragment(oldText, restoring.getXmlFragment(PROSEMIRROR_FRAGMENT));
    expect(updates).toHaveLength(1);
    expect(() => assertUpdateFitsSchema(new ClientUpdate(live, updates[0]))).not.toThrow();
    [live, restoring].forEach((doc) => doc.destroy());
  });
});
