import type { OralRevisionInput } from '../../shared/oralRevisions';
import { PARAGRAPH_STATUSES, type ParagraphStatus, type ParagraphView } from '../../shared/paragraphs';
import { h, replaceChildren } from '../app/dom';
import type { ParagraphStore } from './paragraphStore';
import { progressOf, share, type Progress, type StatusCounts } from './progress';
import { oralRevisionForm } from './oralRevisionForm';
import { FILTER_NAMES, STATUS_FILTERS, type StatusFilter } from './statusFilter';
import { statusForm, type StatusChoice } from './statusForm';
import { badgeText, statusName, statusShape } from './statusNames';

/** Where the round started: its name and time (null: no round yet, the draft's whole life counts). */
export interface RoundStart {
  name: string;
  at: string;
}

export interface ProgressPanelOptions {
  store: ParagraphStore;
  /** Facilitators get a status control on every paragraph of the list. */
  manage: boolean;
  delegations: () => Promise<string[]>;
  setStatus: (paragraphId: string, choice: StatusChoice) => Promise<unknown>;
  reviseOrally: (revision: OralRevisionInput) => Promise<unknown>;
  onFilter: (filter: StatusFilter) => void;
}

/**
 * The Progress tab: where the reading stands (counts and shares per status, by preamble
 * and operative part), whom agreements wait for, how it moved since the round started,
 * the filter of the text, and every paragraph with its status.
 */
export class ProgressPanel {
  readonly element: HTMLElement;
  private readonly summary = h('p', { class: 'panel-summary', attrs: { 'aria-live': 'polite' } }, 'Loading the paragraphs…');
  private readonly table = h('table', { class: 'progress-table' });
  private readonly waiting = h('div', { class: 'progress-waiting' });
  private readonly movement = h('div', { class: 'progress-movement' });
  private readonly list = h('ol', { class: 'progress-paragraphs' });
  private readonly loadError = h('p', { class: 'panel-note', attrs: { role: 'alert', hidden: true } });
  /** Null: no round yet, the draft's whole life counts; undefined: the rounds could not be loaded. */
  private round: RoundStart | null | undefined = null;
  /** The paragraph whose status or oral revision form is open, and the form, kept across redraws so a broadcast does not wipe a choice. */
  private editing: { id: string; kind: 'status' | 'oral-revision'; form: HTMLFormElement | null } | null = null;

  constructor(private readonly options: ProgressPanelOptions) {
    const filter = h(
      'select',
      { class: 'progress-filter', attrs: { 'aria-label': 'Show in the text' }, on: { change: () => options.onFilter(filter.value as StatusFilter) } },
      ...STATUS_FILTERS.map((f) => h('option', { attrs: { value: f } }, FILTER_NAMES[f])),
    );
    this.element = h(
      'section',
      { class: 'progress-panel' },
      this.summary,
      this.loadError,
      h('label', { class: 'progress-filter-label' }, 'Show in the text ', filter),
      this.table,
      this.waiting,
      this.movement,
      h('h3', { class: 'progress-heading' }, 'Paragraphs'),
      this.list,
    );
    options.store.subscribe(() => this.render());
  }

  setRound(round: RoundStart | null | undefined): void {
    this.round = round;
    this.render();
  }

  showLoadError(message: string): void {
    this.loadError.textContent = `The paragraphs could not be loaded: ${message}`;
    this.loadError.hidden = false;
  }

  /** Brings one paragraph's row into view, with its status form open for facilitators. */
  showParagraph(id: string, kind: 'status' | 'oral-revision' = 'status'): void {
    if (this.options.manage && (this.editing?.id !== id || this.editing.kind !== kind)) this.editing = { id, kind, form: null };
    this.render();
    // Focus scrolls the row into view.
    const row = [...this.list.children].find((li) => (li as HTMLElement).dataset.paragraphId === id);
    row?.querySelector<HTMLElement>('select, button')?.focus();
  }

  render(): void {
    this.loadError.hidden = true;
    const paragraphs = this.options.store.list();
    const progress = progressOf(paragraphs, this.round?.at ?? null);
    const agreed = progress.all.agreed_ad_ref;
    this.summary.textContent = `${agreed} of ${progress.total} paragraphs agreed ad ref (${share(agreed, progress.total)}).`;
    replaceChildren(this.table, ...countsTable(progress));
    replaceChildren(this.waiting, ...waitingFor(progress));
    replaceChildren(this.movement, ...this.moved(progress));
    replaceChildren(this.list, ...paragraphs.map((p) => this.row(p)));
  }

  private moved(progress: Progress): HTMLElement[] {
    if (this.round === undefined) return [h('p', { class: 'panel-note' }, 'The start of the round could not be loaded: the movement since then is not shown.')];
    const since = this.round ? `Since ${this.round.name}` : 'Since the draft began';
    const changes = PARAGRAPH_STATUSES.filter((s) => progress.movement[s] !== 0).map((s) => `${statusName(s)} ${signed(progress.movement[s])}`);
    return [
      h('h3', { class: 'progress-heading' }, since),
      h(
        'p',
        { class: 'progress-moved' },
        progress.changes === 0 ? 'No status has changed.' : `${changes.length ? `${changes.join(' · ')}; ` : ''}${progress.changes} status ${progress.changes === 1 ? 'change' : 'changes'}.`,
      ),
    ];
  }

  private row(paragraph: ParagraphView): HTMLElement {
    const row = h(
      'li',
      { class: `progress-paragraph status-${paragraph.status}`, attrs: { 'data-paragraph-id': paragraph.id, 'data-status': paragraph.status } },
      h('span', { class: 'progress-label' }, paragraph.label),
      h('span', { class: `status-badge status-${paragraph.status}` }, h('span', { class: 'status-shape', attrs: { 'aria-hidden': 'true' } }, statusShape(paragraph.status)), ` ${badgeText(paragraph)}`),
      h('span', { class: 'progress-text' }, paragraph.text),
    );
    if (!this.options.manage) return row;
    if (this.editing?.id !== paragraph.id) {
      row.append(
        h('button', { class: 'button-quiet progress-set', attrs: { type: 'button', 'aria-label': `Set the status of ${paragraph.label}` }, on: { click: () => this.showParagraph(paragraph.id) } }, 'Status…'),
        h(
          'button',
          { class: 'button-quiet progress-revise', attrs: { type: 'button', 'aria-label': `Record oral revision of ${paragraph.label}` }, on: { click: () => this.showParagraph(paragraph.id, 'oral-revision') } },
          'Record oral revision…',
        ),
      );
      return row;
    }
    this.editing.form ??= this.form(paragraph, this.editing.kind);
    row.append(this.editing.form);
    return row;
  }

  private form(paragraph: ParagraphView, kind: 'status' | 'oral-revision'): HTMLFormElement {
    const close = () => {
      this.editing = null;
      this.render();
    };
    const { delegations } = this.options;
    return kind === 'status'
      ? statusForm(paragraph, { delegations, close, submit: (choice) => this.options.setStatus(paragraph.id, choice) })
      : oralRevisionForm(paragraph, { delegations, close, submit: (revision) => this.options.reviseOrally({ paragraphId: paragraph.id, ...revision }) });
  }
}

function countsTable(progress: Progress): HTMLElement[] {
  const cell = (counts: StatusCounts, status: ParagraphStatus) => {
    const total = PARAGRAPH_STATUSES.reduce((sum, s) => sum + counts[s], 0);
    return h('td', {}, `${counts[status]} (${share(counts[status], total)})`);
  };
  return [
    h('caption', {}, 'Paragraphs per status'),
    h('thead', {}, h('tr', {}, h('th', { attrs: { scope: 'col' } }, 'Status'), h('th', { attrs: { scope: 'col' } }, 'Preamble'), h('th', { attrs: { scope: 'col' } }, 'Operative'), h('th', { attrs: { scope: 'col' } }, 'All'))),
    h(
      'tbody',
      {},
      ...PARAGRAPH_STATUSES.map((status) =>
        h(
          'tr',
          { attrs: { 'data-status': status } },
          h('th', { attrs: { scope: 'row' } }, h('span', { class: 'status-shape', attrs: { 'aria-hidden': 'true' } }, statusShape(status)), ` ${statusName(status)}`),
          cell(progress.preamble, status),
          cell(progress.operative, status),
          cell(progress.all, status),
        ),
      ),
    ),
  ];
}

function waitingFor(progress: Progress): HTMLElement[] {
  return [
    h('h3', { class: 'progress-heading' }, 'Pending delegations'),
    progress.pending.length === 0
      ? h('p', { class: 'panel-note' }, 'No agreement waits for a delegation.')
      : h('ul', { class: 'progress-pending' }, ...progress.pending.map(({ delegation, labels }) => h('li', { attrs: { 'data-delegation': delegation } }, h('strong', {}, delegation), `: ${labels.join(', ')}`))),
  ];
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : `−${-n}`;
}
