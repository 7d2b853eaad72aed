import { isTimeZone, type SilenceView } from '../../shared/silence';
import type { DraftApi } from '../api/draftApi';
import type { RealtimeSocket } from '../api/realtime';
import { zonedTime } from '../app/time';
import { h, replaceChildren, type Child } from '../app/dom';
import { errorText } from '../app/errorText';
import { formError, refuseField, submitting, wordsIn } from '../app/formField';
import { timeIn, timeLeft, zonedIso } from './zonedTime';

const COUNTDOWN_EVERY_MS = 1000;
const STATEMENT_MAX_LENGTH = 1000;

export interface SilencePanelOptions {
  api: Pick<DraftApi, 'silence' | 'startSilence' | 'breakSilence' | 'cancelSilence'>;
  socket: Pick<RealtimeSocket, 'on' | 'off'>;
  /** Facilitators put the draft under silence and cancel it. */
  facilitator: boolean;
  /** Delegates break silence for their delegation. */
  delegate: boolean;
  now?: () => number;
}

/** The Silence panel: the procedure's status, countdown and statements, kept live by `silence:updated`. */
export class SilencePanel {
  readonly element = h('section', { class: 'silence-panel', attrs: { 'aria-label': 'Silence procedure' } });
  private readonly status = h('div', { class: 'silence-status', attrs: { 'aria-live': 'polite' } });
  private readonly countdown = h('p', { class: 'silence-countdown' });
  private readonly error = formError('silence-error');
  private readonly actions = h('div', { class: 'silence-actions' });
  private current: SilenceView | null = null;
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly onUpdated = (view: SilenceView) => this.show(view);
  // Built once, so a broadcast arriving while someone types keeps what they typed.
  private readonly startForm = this.buildStartForm();
  private readonly breakForm = this.buildBreakForm();
  private readonly cancelButton = h(
    'button',
    { class: 'button-quiet', attrs: { type: 'button' }, on: { click: () => this.run(this.cancelButton, () => this.options.api.cancelSilence()) } },
    'Cancel the silence procedure',
  );

  constructor(private readonly options: SilencePanelOptions) {
    this.element.append(h('h3', { class: 'panel-heading' }, 'Silence procedure'), this.status, this.countdown, this.actions, this.error.element);
    options.socket.on('silence:updated', this.onUpdated);
    this.timer = setInterval(() => this.tick(), COUNTDOWN_EVERY_MS);
    this.show(null);
  }

  reload = (): void => {
    this.options.api.silence().then((view) => this.show(view), (failure) => this.error.show(errorText(failure)));
  };

  show(view: SilenceView | null): void {
    this.current = view;
    this.error.hide();
    replaceChildren(this.status, ...this.describe(view));
    replaceChildren(this.actions, ...this.forms(view));
    this.tick();
  }

  destroy(): void {
    clearInterval(this.timer);
    this.options.socket.off('silence:updated', this.onUpdated);
  }

  /** Updates the countdown text ("2 h 05 min left") while the procedure is open. */
  tick(): void {
    const view = this.current;
    this.countdown.textContent = view?.state === 'open' ? timeLeft(view.until, this.now()) : '';
  }

  private describe(view: SilenceView | null): Child[] {
    if (!view) return [h('p', { class: 'panel-summary' }, 'The draft is not under silence.')];
    const deadline = `${timeIn(view.until, view.zone)} (${view.zone})`;
    const summary =
      view.state === 'open' ? `Under silence until ${deadline}.`
      : view.state === 'cancelled' ? `The silence procedure until ${deadline} was cancelled.`
      : view.outcome === 'adopted' ? `Adopted under silence on ${deadline}.`
      : `Silence broken by ${[...new Set(view.breaks.map((entry) => entry.delegation))].join(', ')}.`;
    const statements = view.breaks.map((entry) =>
      h('li', { class: 'silence-break' }, h('strong', {}, entry.delegation), ` (${zonedTime(entry.at)}): `, entry.statement),
    );
    return [h('p', { class: 'panel-summary', attrs: { 'data-state': view.outcome ?? view.state } }, summary), statements.length > 0 && h('ul', { class: 'silence-breaks' }, ...statements)];
  }

  private forms(view: SilenceView | null): Node[] {
    const open = view?.state === 'open';
    if (this.options.facilitator) return [open ? this.cancelButton : this.startForm];
    if (this.options.delegate && open) return [this.breakForm];
    return [];
  }

  /** A deadline that cannot be read, or a zone the browser does not know, is not sent; the server's refusal (a deadline passed) is about the deadline. */
  private buildStartForm(): HTMLElement {
    const local = h('input', { attrs: { type: 'datetime-local', name: 'until', 'aria-label': 'Deadline', required: true } });
    const zone = h('input', { attrs: { name: 'zone', 'aria-label': 'Time zone', required: true } });
    zone.value = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return this.form('silence-start', [local, zone], 'Put under silence', (button) => {
      const zoneName = zone.value.trim();
      if (!isTimeZone(zoneName)) return refuseField(zone, this.error, 'Give the time zone by its name, such as America/New_York.');
      const until = zonedIso(local.value, zoneName);
      if (!until) return refuseField(local, this.error, 'Give the deadline as a date and time.');
      this.run(button, () => this.options.api.startSilence(until, zoneName), local);
    });
  }

  /** A blank statement is not sent; the server's refusal is about the statement. */
  private buildBreakForm(): HTMLElement {
    const statement = h('textarea', { attrs: { name: 'statement', 'aria-label': 'Statement', maxlength: String(STATEMENT_MAX_LENGTH), required: true } });
    return this.form('silence-break-form', [statement], 'Break silence', (button) => {
      const words = wordsIn(statement, this.error, 'Write the statement first: breaking silence needs one.');
      if (words === null) return;
      this.run(
        button,
        async () => {
          const view = await this.options.api.breakSilence(words);
          statement.value = '';
          return view;
        },
        statement,
      );
    });
  }

  private form(formClass: string, fields: HTMLElement[], label: string, submit: (button: HTMLButtonElement) => void): HTMLElement {
    const button = h('button', { class: 'button-primary', attrs: { type: 'submit' } }, label);
    const form = h('form', { class: formClass, attrs: { novalidate: true } }, ...fields, button);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submit(button);
    });
    return form;
  }

  /** The action with its button disabled meanwhile; the view it returns is shown, its refusal told about `field`. */
  private run(button: HTMLButtonElement, action: () => Promise<SilenceView>, field?: HTMLElement): void {
    void submitting(button, this.error, 'The silence procedure could not be changed.', async () => this.show(await action()), field);
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }
}
