/** @jest-environment jsdom */
import { KEYBOARD_HELP_TITLE, keyboardHelp } from '../../../client/keyboard/keyboardHelp';
import { editorShortcuts } from '../../../client/keyboard/shortcuts';

/** Each test's page; left after the test, so no listener outlives it. */
const pages: AbortController[] = [];

function setup() {
  const controller = new AbortController();
  pages.push(controller);
  const button = keyboardHelp(() => editorShortcuts('Ctrl'), controller.signal);
  const field = document.createElement('textarea');
  const editor = document.createElement('div');
  editor.setAttribute('contenteditable', 'true');
  document.body.replaceChildren(button, field, editor);
  const dialog = () => document.querySelector<HTMLElement>(`[role=dialog][aria-label="${KEYBOARD_HELP_TITLE}"]`);
  const press = (target: HTMLElement, key: string, init: KeyboardEventInit = {}) =>
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
  return { controller, button, field, editor, dialog, press };
}

describe('keyboard help', () => {
  afterEach(() => {
    pages.splice(0).forEach((page) => page.abort());
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    document.body.replaceChildren();
  });

  it('opens from its button, lists the shortcuts, and closes with Escape back onto the button', () => {
    const { button, dialog, press } = setup();
    button.focus();
    button.click();
    const shown = dialog()!;
    const keys = [...shown.querySelectorAll('dt')].map((dt) => dt.textContent);
    expect(keys).toEqual(expect.arrayContaining(['Escape, then Tab', 'Ctrl+Enter', 'Ctrl+Alt+M', 'Tab / Shift+Tab', '?']));
    expect(shown.querySelector('dd')?.textContent).toMatch(/sub-paragraph/);
    // The README's keyboard table and Propose mode's keys: find and replace, the proposal keys.
    expect(keys).toEqual(expect.arrayContaining(['Ctrl+F', 'Ctrl+Alt+B / Ctrl+Alt+A / Ctrl+Alt+N', 'Ctrl+Alt+Enter']));
    expect(shown.contains(document.activeElement)).toBe(true);
    press(document.activeElement as HTMLElement, 'Escape');
    expect(dialog()).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('opens with ? pressed outside text fields, once, and not while typing', () => {
    const { field, editor, dialog, press } = setup();
    expect(press(field, '?')).toBe(true);
    expect(press(editor, '?')).toBe(true);
    expect(dialog()).toBeNull();
    expect(press(document.body, '?', { ctrlKey: true })).toBe(true);
    expect(dialog()).toBeNull();
    expect(press(document.body, '?')).toBe(false);
    expect(dialog()).not.toBeNull();
    press(dialog()!.querySelector('button')!, '?');
    expect(document.querySelectorAll('[role=dialog]')).toHaveLength(1);
  });

  it('keeps Tab inside the open dialog', () => {
    const { button, dialog, press } = setup();
    button.click();
    const close = dialog()!.querySelector('button')!;
    expect(document.activeElement).toBe(close);
    expect(press(close, 'Tab')).toBe(false);
    expect(press(close, 'Tab', { shiftKey: true })).toBe(false);
    expect(document.activeElement).toBe(close);
  });

  it('stops listening when the page is left', () => {
    const { controller, dialog, press } = setup();
    controller.abort();
    press(document.body, '?');
    expect(dialog()).toBeNull();
  });
});
