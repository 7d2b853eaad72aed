import { h } from '../app/dom';
import { PROPOSE_KEYS, type EditingMode, type ProposeCommand } from '../editor/plugins/proposeModePlugin';

export interface ProposeBarHandlers {
  choose: (mode: EditingMode) => void;
  command: (command: Exclude<ProposeCommand, 'show'>) => void;
}

const COMMANDS: ReadonlyArray<{ command: Exclude<ProposeCommand, 'show'>; label: string; title: string }> = [
  { command: 'bracket', label: '[ ] Bracket', title: 'Bracket selection: your delegation cannot accept these words yet' },
  { command: 'alternative', label: 'Alternative', title: 'Propose alternative wording for this paragraph' },
  { command: 'new_paragraph', label: '+ New paragraph', title: 'Propose new paragraph after this one' },
];

/** "Ctrl+Alt+B" from "Mod-Alt-b". */
function keyName(key: string, mod: string): string {
  return key
    .split('-')
    .map((part) => (part === 'Mod' ? mod : part.length === 1 ? part.toUpperCase() : part))
    .join('+');
}

/**
 * Above the text for delegates and facilitators: the Edit | Propose switch, the proposal
 * commands with their keys, a line for notices, and room for the commands' small forms.
 */
export class ProposeBar {
  readonly element: HTMLElement;
  private readonly modeButtons: Record<EditingMode, HTMLButtonElement>;
  private readonly notices = h('p', { class: 'propose-notice', attrs: { role: 'status', 'aria-live': 'polite' } });
  private readonly formHost = h('div', { class: 'propose-form-host' });

  constructor(handlers: ProposeBarHandlers, mod: string) {
    const modeButton = (mode: EditingMode, label: string, title: string) =>
      h('button', { class: `tool propose-mode-${mode}`, attrs: { type: 'button', 'aria-pressed': 'false', title }, on: { click: () => handlers.choose(mode) } }, label);
    this.modeButtons = {
      edit: modeButton('edit', 'Edit', 'Edit: your changes go straight into the text'),
      propose: modeButton('propose', 'Propose', 'Propose: your typing, deleting and pasting become proposals of your delegation'),
    };
    const commands = COMMANDS.map(({ command, label, title }) => {
      const full = `${title} (${keyName(PROPOSE_KEYS[command], mod)})`;
      return h(
        'button',
        { class: `tool propose-command-${command}`, attrs: { type: 'button', title: full, 'aria-label': full }, on: { mousedown: (event) => event.preventDefault(), click: () => handlers.command(command) } },
        label,
      );
    });
    this.element = h(
      'div',
      { class: 'propose-bar' },
      h(
        'div',
        { class: 'toolbar', attrs: { role: 'toolbar', 'aria-label': 'Proposals' } },
        h('div', { class: 'toolbar-group propose-modes', attrs: { role: 'group', 'aria-label': 'Editing mode' } }, this.modeButtons.edit, this.modeButtons.propose),
        h('div', { class: 'toolbar-group' }, ...commands),
      ),
      this.notices,
      this.formHost,
    );
  }

  /** Shows the mode in effect; `forced` when the draft takes only proposals from this person. */
  show(mode: EditingMode, forced: boolean): void {
    for (const [name, button] of Object.entries(this.modeButtons) as Array<[EditingMode, HTMLButtonElement]>) {
      button.setAttribute('aria-pressed', String(name === mode));
    }
    this.modeButtons.edit.disabled = forced;
    this.modeButtons.edit.title = forced ? 'This draft takes proposals only from delegates' : 'Edit: your changes go straight into the text';
    this.element.classList.toggle('is-proposing', mode === 'propose');
  }

  notice(text: string): void {
    this.notices.textContent = text;
  }

  /** Opens one of the commands' forms in place of any other, its first field focused. */
  openForm(form: HTMLFormElement): void {
    this.formHost.replaceChildren(form);
    form.querySelector<HTMLElement>('textarea, input')?.focus();
  }

  closeForm(): void {
    this.formHost.replaceChildren();
  }
}
