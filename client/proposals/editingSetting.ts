import type { DraftEditing, DraftEditingView } from '../../shared/proposals';
import type { DraftApi } from '../api/draftApi';
import type { RealtimeSocket } from '../api/realtime';
import { h } from '../app/dom';
import { errorText } from '../app/errorText';

/** The facilitator's two choices, in the words of the room. */
const CHOICES: Record<DraftEditing, string> = {
  direct: 'Delegates edit directly',
  proposals: 'Delegates make proposals only',
};

/** What everyone else reads. */
const RULES: Record<DraftEditing, string> = {
  direct: 'Delegates edit the text directly.',
  proposals: 'Delegates make proposals only; the facilitator brings them into the text.',
};

export interface EditingSettingOptions {
  draftId: string;
  api: Pick<DraftApi, 'setEditing'>;
  socket: Pick<RealtimeSocket, 'on' | 'off'>;
  /** Facilitators choose; everyone else sees which rule applies. */
  facilitator: boolean;
  /** The rule as the server has it now (the `editing` of `GET /api/drafts/:id`). */
  load: () => Promise<DraftEditing>;
}

/**
 * Whether the draft's delegates edit the text directly or make proposals only (issue 11): the
 * facilitator's choice, a read-only line for everyone else, live through `draft:editing`. The
 * server enforces the rule; other parts of the page read it here (`rule`, `subscribe`), the
 * editor to keep a delegate in Propose mode.
 */
export class EditingSetting {
  readonly element: HTMLElement;
  private current: DraftEditing | null = null;
  private readonly listeners = new Set<(rule: DraftEditing) => void>();
  private readonly line = h('p', { class: 'editing-rule', attrs: { 'aria-live': 'polite' } }, 'Loading the editing rule…');
  private readonly radios: HTMLInputElement[];
  private readonly error = h('p', { class: 'panel-note editing-error', attrs: { role: 'alert', hidden: true } });
  private readonly onEditing = (view: DraftEditingView) => {
    if (view.draftId === this.options.draftId) this.show(view.editing);
  };

  constructor(private readonly options: EditingSettingOptions) {
    this.radios = (Object.keys(CHOICES) as DraftEditing[]).map((value) =>
      h('input', { attrs: { type: 'radio', name: `editing-${options.draftId}`, value, disabled: true }, on: { change: () => void this.choose(value) } }),
    );
    const control = options.facilitator
      ? h('fieldset', { class: 'editing-choice' }, h('legend', {}, 'Editing by delegates'), ...this.radios.map((radio) => h('label', { class: 'editing-option' }, radio, ` ${CHOICES[radio.value as DraftEditing]}`)))
      : this.line;
    this.element = h('section', { class: 'editing-setting' }, control, this.error);
    options.socket.on('draft:editing', this.onEditing);
    this.reload();
  }

  /** The rule in force as last heard from the server; null until it has answered. */
  get rule(): DraftEditing | null {
    return this.current;
  }

  /** Hears the rule each time it changes (the first answer included); returns the way to stop. */
  subscribe(listener: (rule: DraftEditing) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Asks the server again (on opening, and when the live connection returns: changes may have been missed). */
  readonly reload = () => {
    this.options.load().then((rule) => this.show(rule), (failure) => this.fail(failure, 'The editing rule could not be loaded.'));
  };

  destroy(): void {
    this.options.socket.off('draft:editing', this.onEditing);
    this.listeners.clear();
  }

  private async choose(editing: DraftEditing): Promise<void> {
    this.radios.forEach((radio) => (radio.disabled = true));
    try {
      this.show((await this.options.api.setEditing(editing)).editing);
    } catch (failure) {
      // The choice shown goes back to the rule in force.
      if (this.current) this.show(this.current);
      this.fail(failure, 'The editing rule could not be changed.');
    }
  }

  private show(rule: DraftEditing): void {
    const changed = rule !== this.current;
    this.current = rule;
    this.error.hidden = true;
    this.line.textContent = RULES[rule];
    for (const radio of this.radios) {
      radio.checked = radio.value === rule;
      radio.disabled = false;
    }
    if (changed) this.listeners.forEach((listener) => listener(rule));
  }

  private fail(failure: unknown, fallback: string): void {
    this.error.textContent = errorText(failure, fallback);
    this.error.hidden = false;
  }
}
