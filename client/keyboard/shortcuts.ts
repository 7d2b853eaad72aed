/** One documented shortcut: the keys to press, in words, and what they do. */
export interface Shortcut {
  keys: string;
  does: string;
}

export interface ShortcutGroup {
  heading: string;
  shortcuts: Shortcut[];
}

/** Every keyboard shortcut of the editor page, as the help dialog lists them. `mod` is the platform's command key (Ctrl, ⌘). */
export function editorShortcuts(mod: string): ShortcutGroup[] {
  const alt = mod === '⌘' ? '⌥' : 'Alt';
  return [
    {
      heading: 'In the text',
      shortcuts: [
        { keys: 'Tab / Shift+Tab', does: 'Make the operative paragraph a sub-paragraph one level down / up' },
        { keys: 'Escape, then Tab', does: 'Leave the text: Tab moves on to the next control (Shift+Tab to the previous one)' },
        { keys: 'Enter', does: 'New paragraph of the same kind' },
        { keys: `${mod}+B / ${mod}+I / ${mod}+U`, does: 'Bold / italic / underline' },
        { keys: `${mod}+Z`, does: "Undo your last change (others' changes stay)" },
        { keys: `${mod}+Y or Shift+${mod}+Z`, does: 'Redo your change' },
        { keys: `${mod}+${alt}+M`, does: 'Comment on the selected words' },
        { keys: `${mod}+F`, does: 'Find and replace' },
      ],
    },
    {
      heading: 'Proposals',
      shortcuts: [
        { keys: `${mod}+${alt}+B / ${mod}+${alt}+A / ${mod}+${alt}+N`, does: 'In Propose mode: bracket the selection / propose an alternative wording / propose a new paragraph' },
        { keys: `${mod}+${alt}+Enter`, does: 'Show the card of the proposal at the caret' },
      ],
    },
    {
      heading: 'Comments',
      shortcuts: [{ keys: `${mod}+Enter`, does: 'Post the comment or reply being written' }],
    },
    {
      heading: 'Panels and dialogs',
      shortcuts: [
        { keys: '← / →, Home / End', does: 'Move between the panel tabs (People, Comments, History …)' },
        { keys: 'Escape', does: 'Close a dialog (compare, preview, this help); the focus returns to what opened it' },
        { keys: '?', does: 'Show this list (outside text fields)' },
      ],
    },
  ];
}
