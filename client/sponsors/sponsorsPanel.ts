import type { SponsorsView } from '../../shared/sponsors';
import type { DraftApi } from '../api/draftApi';
import type { RealtimeSocket } from '../api/realtime';
import { h } from '../app/dom';
import { errorText } from '../app/errorText';

export interface SponsorsPanelOptions {
  draftId: string;
  api: Pick<DraftApi, 'sponsors' | 'setSponsors' | 'cosponsor'>;
  socket: RealtimeSocket;
  /** The reader's delegation when they may co-sponsor (a delegate), else null. */
  ownDelegation: string | null;
  /** Facilitators choose the main sponsors among these delegations. */
  delegations: (() => Promise<string[]>) | null;
}

/**
 * The Sponsors tab: the main sponsors and co-sponsors as the server keeps them (live through
 * `sponsors:updated`), a delegation's button to join or leave, and the facilitator's choice of
 * main sponsors. The heading's sponsors line follows on its own: the server writes it.
 */
export class SponsorsPanel {
  readonly element: HTMLElement;
  private readonly lists = h('div', { class: 'sponsors-lists', attrs: { 'aria-live': 'polite' } }, h('p', { class: 'panel-note' }, 'Loading the sponsors…'));
  private readonly toggle = h('button', { class: 'button sponsors-toggle', attrs: { type: 'button', hidden: true } });
  private readonly editor = h('fieldset', { class: 'sponsors-editor', attrs: { hidden: true } });
  private readonly error = h('p', { class: 'panel-note sponsors-error', attrs: { role: 'alert', hidden: true } });
  private current: SponsorsView | null = null;
  private readonly onUpdated = (view: SponsorsView) => {
    if (view.draftId === this.options.draftId) this.show(view);
  };

  constructor(private readonly options: SponsorsPanelOptions) {
    this.toggle.addEventListener('click', () => void this.toggleCosponsorship());
    this.element = h('section', { class: 'sponsors-panel' }, h('h3', { class: 'progress-heading' }, 'Sponsors'), this.lists, this.toggle, this.editor, this.error);
    options.socket.on('sponsors:updated', this.onUpdated);
    if (options.delegations) void this.buildEditor(options.delegations);
    this.reload();
  }

  destroy(): void {
    this.options.socket.off('sponsors:updated', this.onUpdated);
  }

  /** Loads the lists again (on opening the tab, and when the live connection returns). */
  readonly reload = () => {
    this.options.api.sponsors().then((view) => this.show(view), (failure) => this.fail(failure));
  };

  private show(view: SponsorsView): void {
    this.current = view;
    this.error.hidden = true;
    const line = (label: string, names: string[]) => h('p', { class: 'sponsors-line' }, h('strong', {}, `${label}: `), names.length > 0 ? names.join(', ') : 'none yet');
    this.lists.replaceChildren(line('Main sponsors', view.sponsors), line('Co-sponsors', view.cosponsors));
    const own = this.options.ownDelegation;
    // A main sponsor does not co-sponsor too; the facilitator changes that list.
    this.toggle.hidden = own === null || view.sponsors.includes(own);
    this.toggle.textContent = own !== null && view.cosponsors.includes(own) ? 'Withdraw co-sponsorship' : 'Co-sponsor this draft';
    for (const box of this.editor.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) box.checked = view.sponsors.includes(box.value);
  }

  private async toggleCosponsorship(): Promise<void> {
    const own = this.options.ownDelegation;
    if (!this.current || own === null) return;
    await this.act(() => this.options.api.cosponsor(!this.current!.cosponsors.includes(own)));
  }

  private async buildEditor(delegations: () => Promise<string[]>): Promise<void> {
    let names: string[];
    try {
      names = await delegations();
    } catch (failure) {
      return this.fail(failure);
    }
    const boxes = names.map((name) => h('input', { attrs: { type: 'checkbox', value: name } }));
    const save = h('button', { class: 'button', attrs: { type: 'button' }, on: { click: () => void this.act(() => this.options.api.setSponsors(boxes.filter((box) => box.checked).map((box) => box.value))) } }, 'Save main sponsors');
    this.editor.replaceChildren(
      h('legend', {}, 'Main sponsors'),
      ...boxes.map((box) => h('label', { class: 'sponsors-choice' }, box, ` ${box.value}`)),
      save,
    );
    this.editor.hidden = false;
    if (this.current) this.show(this.current);
  }

  private async act(change: () => Promise<SponsorsView>): Promise<void> {
    try {
      this.show(await change());
    } catch (failure) {
      this.fail(failure);
    }
  }

  private fail(failure: unknown): void {
    this.error.textContent = errorText(failure, 'The sponsors could not be loaded.');
    this.error.hidden = false;
  }
}
