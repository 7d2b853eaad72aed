import { keydownHandler } from 'prosemirror-keymap';
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { ProposeInput } from '../../proposals/proposeIntent';
import { isRemoteChange } from '../isRemoteChange';

export type EditingMode = 'edit' | 'propose';

/** Commands with a key: the three proposal commands, and showing the card of the proposal at the caret. */
export type ProposeCommand = 'bracket' | 'alternative' | 'new_paragraph' | 'show';

export const PROPOSE_KEYS: Readonly<Record<ProposeCommand, string>> = {
  bracket: 'Mod-Alt-b',
  alternative: 'Mod-Alt-a',
  new_paragraph: 'Mod-Alt-n',
  show: 'Mod-Alt-Enter',
};

export const NOTICE_ENTER = 'Enter does not split paragraphs in Propose mode: use “Propose new paragraph” or “Propose alternative wording”';
const NOTICE_DROP = 'Dragging text does not make a proposal: copy it and paste it where it should go';

interface ProposeModeState {
  mode: EditingMode;
  /** Counts the person's own caret moves, so the plugin view can tell one happened. */
  moves: number;
}

/** Meta: `{ mode }` switches the mode; `{ caret: true }` marks Propose mode's own caret placement. */
type ProposeModeMeta = { mode: EditingMode } | { caret: true };

export const proposeModeKey = new PluginKey<ProposeModeState>('proposeMode');

export interface ProposeModeOptions {
  /** An edit made in Propose mode, to turn into a proposal instead. */
  propose: (view: EditorView, input: ProposeInput) => void;
  command: (view: EditorView, command: ProposeCommand) => void;
  /** Something cannot be done in Propose mode: tell the person why. */
  notice: (text: string) => void;
  /** The person moved the caret in Propose mode: what was typed before is complete for now. */
  caretMoved: () => void;
}

export function editingMode(state: EditorState): EditingMode {
  return proposeModeKey.getState(state)?.mode ?? 'edit';
}

export function setEditingMode(tr: Transaction, mode: EditingMode): Transaction {
  return tr.setMeta(proposeModeKey, { mode } satisfies ProposeModeMeta);
}

/** Puts the caret at `pos` after a proposal, without counting as a move of the person's. */
export function placeCaret(state: EditorState, pos: number): Transaction {
  return placeSelection(state, pos, pos);
}

function placeSelection(state: EditorState, from: number, to: number): Transaction {
  return state.tr.setSelection(TextSelection.create(state.doc, from, to)).setMeta(proposeModeKey, { caret: true } satisfies ProposeModeMeta);
}

/**
 * Propose mode, like Google Docs' suggesting mode: the person's own typing, erasing and
 * pasting never change the document, they go to `propose`; every other local change is
 * refused. Changes that come through Yjs (others', the server's) pass untouched. Goes
 * first among the editor's plugins so its keys come before the drafting keymap.
 */
export function proposeModePlugin(options: ProposeModeOptions): Plugin<ProposeModeState> {
  const commandKeys = keydownHandler(
    Object.fromEntries(Object.entries(PROPOSE_KEYS).map(([command, key]) => [key, (_state, _dispatch, view) => (view ? options.command(view, command as ProposeCommand) : undefined, true)])),
  );
  const proposeKeys = keydownHandler({
    Backspace: (_state, _dispatch, view) => (view ? options.propose(view, { type: 'erase', direction: 'backward' }) : undefined, true),
    Delete: (_state, _dispatch, view) => (view ? options.propose(view, { type: 'erase', direction: 'forward' }) : undefined, true),
    Enter: () => (options.notice(NOTICE_ENTER), true),
    'Shift-Enter': () => (options.notice(NOTICE_ENTER), true),
    // Undo and redo act on the text directly: in Propose mode a proposal is withdrawn from its card.
    'Mod-z': () => true,
    'Mod-y': () => true,
    'Shift-Mod-z': () => true,
  });
  const proposing = (state: EditorState) => editingMode(state) === 'propose';
  return new Plugin<ProposeModeState>({
    key: proposeModeKey,
    state: {
      init: () => ({ mode: 'edit', moves: 0 }),
      apply(tr, value) {
        const meta = tr.getMeta(proposeModeKey) as ProposeModeMeta | undefined;
        if (meta && 'mode' in meta) return { ...value, mode: meta.mode };
        if (tr.selectionSet && !meta && !isRemoteChange(tr)) return { ...value, moves: value.moves + 1 };
        return value;
      },
    },
    filterTransaction: (tr, state) => !proposing(state) || !tr.docChanged || isRemoteChange(tr),
    view: () => ({
      update(view, previous) {
        const moved = proposeModeKey.getState(view.state)?.moves !== proposeModeKey.getState(previous)?.moves;
        if (moved && proposing(view.state)) options.caretMoved();
      },
    }),
    props: {
      handleKeyDown: (view, event) =>
        // AltGr is Ctrl+Alt on Windows: "ą" or "ń" typed with it is a letter, not a command.
        (!event.getModifierState?.('AltGraph') && commandKeys(view, event)) || (proposing(view.state) && proposeKeys(view, event)),
      // A typed character is taken before the browser puts it into the page: read back from the
      // page, next to a proposal's widgets, one keystroke in a few went missing. Input methods
      // and autocorrect still come through handleTextInput.
      handleKeyPress(view, event) {
        if (!proposing(view.state)) return false;
        const text = String.fromCharCode(event.charCode);
        if (/[\r\n]/.test(text)) return false;
        options.propose(view, { type: 'text', text });
        return true;
      },
      handleTextInput(view, from, to, text) {
        if (!proposing(view.state)) return false;
        // Autocorrect and input methods replace a range of their own: that range is what is retyped.
        const { selection } = view.state;
        if (selection.from !== from || selection.to !== to) view.dispatch(placeSelection(view.state, from, to));
        options.propose(view, { type: 'text', text });
        return true;
      },
      handlePaste(view, event, slice) {
        if (!proposing(view.state)) return false;
        const text = event.clipboardData?.getData('text/plain') || slice.content.textBetween(0, slice.content.size, ' ');
        options.propose(view, { type: 'text', text });
        return true;
      },
      handleDOMEvents: {
        // The copy goes ahead (and its deletion is refused): the cut words become a proposed deletion.
        cut(view) {
          if (proposing(view.state)) queueMicrotask(() => options.propose(view, { type: 'erase', direction: 'backward' }));
          return false;
        },
      },
      handleDrop(view) {
        if (!proposing(view.state)) return false;
        options.notice(NOTICE_DROP);
        return true;
      },
    },
  });
}
