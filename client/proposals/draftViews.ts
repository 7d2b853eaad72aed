import type * as Y from 'yjs';
import { compileDraft, type CompilationView } from '../../shared/compilation';
import { h, replaceChildren } from '../app/dom';
import { compiledPaper } from './compiledPaper';
import { viewName } from './compilationViewQuery';
import type { ParagraphOutline } from './paragraphOutline';
import { delegationsIn } from './proposalFilters';
import type { ProposalStore } from './proposalStore';

/** How often at most a shown view is drawn again while the room types or decides. */
export const VIEW_REDRAW_MS = 300;

const CHOICES: Array<[DraftViewChoice, string]> = [
  ['editing', 'Editing'],
  ['compilation', 'Compilation text'],
  ['clean', 'Clean text'],
  ['delegation', 'By delegation'],
];
export type DraftViewChoice = 'editing' | CompilationView['kind'];

export interface DraftViewsDeps {
  doc: Y.Doc;
  store: ProposalStore;
  /**
   * The editor's column: while a compiled view shows, it has the class `shows-compiled-view`, which
   * hides the editor's paper and its tool bars (proposalViews.css) without touching their own `hidden`.
   */
  editorColumn: HTMLElement;
  /** The paragraphs' labels and printed numbers as the editor has them now. */
  outline: () => ParagraphOutline;
  /** The reader's delegation: "By delegation" opens on it when it has made or supports a proposal. */
  ownDelegation?: string;
}

/**
 * The toggle "Editing | Compilation text | Clean text | By delegation" and the read-only sheet
 * the last three draw from `compileDraft`, redrawn (throttled) as the text or the proposals change.
 */
export class DraftViews {
  readonly toggle: HTMLElement;
  readonly paper = h('article', { class: 'paper compiled-paper', attrs: { hidden: true } });
  private choice: DraftViewChoice = 'editing';
  private readonly delegationSelect = h('select', { class: 'view-delegation', attrs: { name: 'view-delegation' } });
  private readonly delegationField = h('label', { class: 'field-label view-delegation-field', attrs: { hidden: true } }, 'Delegation', this.delegationSelect);
  private readonly radios: HTMLInputElement[];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly unsubscribe: () => void;

  constructor(private readonly deps: DraftViewsDeps) {
    this.radios = CHOICES.map(([value]) =>
      h('input', { attrs: { type: 'radio', name: 'draft-view', value, checked: value === 'editing' }, on: { change: () => this.show(value) } }),
    );
    this.delegationSelect.addEventListener('change', () => this.draw());
    this.toggle = h(
      'fieldset',
      { class: 'view-toggle' },
      h('legend', { class: 'view-toggle-legend' }, 'View'),
      ...CHOICES.map(([, label], i) => h('label', { class: 'view-choice' }, this.radios[i], label)),
      this.delegationField,
    );
    deps.doc.on('update', this.changed);
    this.unsubscribe = deps.store.subscribe(this.changed);
  }

  /** Shows a view (Editing shows the editor). */
  show(choice: DraftViewChoice): void {
    this.choice = choice;
    for (const radio of this.radios) radio.checked = radio.value === choice;
    this.delegationField.hidden = choice !== 'delegation';
    this.deps.editorColumn.classList.toggle('shows-compiled-view', choice !== 'editing');
    this.paper.hidden = choice === 'editing';
    if (choice === 'editing') replaceChildren(this.paper);
    else this.draw();
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.deps.doc.off('update', this.changed);
    this.unsubscribe();
  }

  private readonly changed = () => {
    if (this.choice === 'editing' || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.draw();
    }, VIEW_REDRAW_MS);
  };

  private view(): CompilationView | null {
    if (this.choice === 'editing') return null;
    if (this.choice !== 'delegation') return { kind: this.choice };
    const delegation = this.delegationSelect.value;
    return delegation ? { kind: 'delegation', delegation } : null;
  }

  private draw(): void {
    this.fillDelegations();
    const view = this.view();
    if (!view) {
      replaceChildren(this.paper, h('p', { class: 'paper-message' }, 'No delegation has made or supported a proposal yet.'));
      return;
    }
    const { labels, printed } = this.deps.outline();
    const scrolled = this.paper.parentElement?.scrollTop;
    this.paper.setAttribute('aria-label', `${viewName(view)} (read-only)`);
    replaceChildren(this.paper, compiledPaper(compileDraft(this.deps.doc, this.deps.store.list('pending'), labels, view), printed));
    // A redraw while the room works must not move the reader's place.
    if (scrolled !== undefined && this.paper.parentElement) this.paper.parentElement.scrollTop = scrolled;
  }

  private fillDelegations(): void {
    const delegations = delegationsIn(this.deps.store.list('pending'));
    const own = this.deps.ownDelegation;
    const chosen = this.delegationSelect.value || (own && delegations.includes(own) ? own : '');
    if (chosen && !delegations.includes(chosen)) delegations.push(chosen);
    replaceChildren(this.delegationSelect, ...delegations.map((d) => h('option', { attrs: { value: d } }, d)));
    if (chosen) this.delegationSelect.value = chosen;
  }
}
