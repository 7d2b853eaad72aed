import type { VersionSummary } from '../../shared/versions';
import type { DraftApi } from '../api/draftApi';
import { h, replaceChildren } from '../app/dom';
import { activityList } from './activityList';
import { compareView } from './compareView';
import { readOnlyResolution } from '../editor/readOnlyResolution';
import { resolutionSchema } from '../../shared/schema';
import { openOverlay } from './overlay';
import { versionLabel } from './versionLabel';
import { nameForm } from './nameForm';
import { versionList } from './versionList';
import { errorText } from '../app/errorText';
import { formError } from '../app/formField';
import { redrawKeepingFocus } from '../app/redrawKeepingFocus';

const CURRENT = 'current';

/** The History tab: versions, naming, restoring and new rounds (facilitator), compare, preview, activity. */
export class HistoryPanel {
  readonly element: HTMLElement;
  private readonly error = formError('history-error');
  private readonly versionsHost = h('div', { class: 'versions-host' }, h('p', { class: 'panel-summary' }, 'Loading versions…'));
  private readonly activityHost = h('div', { class: 'activity-host' });
  private readonly fromSelect = h('select', { attrs: { name: 'from', 'aria-label': 'Compare from' } });
  private readonly toSelect = h('select', { attrs: { name: 'to', 'aria-label': 'Compare with' } });
  /** Closes the compare or preview view that is open, if any. */
  private closeOverlay: (() => void) | null = null;

  constructor(
    private readonly api: DraftApi,
    private readonly facilitator: boolean,
    /** A new round started from this panel: the labels of the round change. */
    private readonly onRoundStarted: () => void = () => {},
  ) {
    const compareForm = h(
      'form',
      { class: 'compare-form', on: { submit: (event) => (event.preventDefault(), this.compare()) } },
      h('label', { class: 'field-label' }, 'Compare', this.fromSelect),
      h('label', { class: 'field-label' }, 'with', this.toSelect),
      h('button', { class: 'button-quiet button-small', attrs: { type: 'submit' } }, 'Compare'),
    );
    this.element = h(
      'section',
      { class: 'history-panel' },
      facilitator ? this.nameForm() : null,
      facilitator ? this.roundForm() : null,
      this.error.element,
      h('h3', { class: 'panel-heading' }, 'Compare versions'),
      compareForm,
      h('h3', { class: 'panel-heading' }, 'Versions'),
      this.versionsHost,
      h('h3', { class: 'panel-heading' }, 'Activity'),
      this.activityHost,
    );
  }

  /** Reloads versions and activity; called whenever the tab is shown and after each change. */
  async refresh(): Promise<void> {
    try {
      const [versions, timeline] = await Promise.all([this.api.versions(), this.api.activity()]);
      this.showVersions(versions);
      replaceChildren(this.activityHost, activityList(timeline.activity, timeline.proposals));
    } catch (failure) {
      this.fail(failure);
    }
  }

  /** Leaving the page closes what the panel opened over it. */
  destroy(): void {
    this.closeOverlay?.();
  }

  private show(title: string, content: HTMLElement, release: () => void = () => {}): void {
    this.closeOverlay?.();
    this.closeOverlay = openOverlay(title, content, () => {
      release();
      this.closeOverlay = null;
    });
  }

  private nameForm(): HTMLElement {
    return nameForm({
      formClass: 'name-version-form',
      inputName: 'version-name',
      placeholder: 'Rev.1',
      label: 'Version name',
      button: 'Name this version',
      buttonClass: 'button-primary button-small',
      error: this.error,
      blank: 'Type a name for the version first.',
      onName: async (name) => {
        await this.api.nameVersion(name);
        await this.refresh();
      },
    });
  }

  /** A new round: its base is the text as it stands, deleted paragraphs cleared, every label clean again. */
  private roundForm(): HTMLElement {
    const question = (name: string) =>
      `Start the round "${name}"? Deleted paragraphs leave the text and every paragraph is labelled with clean numbers again.`;
    return nameForm({
      formClass: 'start-round-form',
      inputName: 'round-name',
      placeholder: 'Rev.2',
      label: 'Round name',
      button: 'Start a new round',
      buttonClass: 'button-quiet button-small',
      error: this.error,
      blank: 'Type a name for the new round first.',
      confirm: (name) => window.confirm(question(name)),
      onName: async (name) => {
        await this.api.startRound(name);
        this.onRoundStarted();
        await this.refresh();
      },
    });
  }

  private showVersions(versions: VersionSummary[]): void {
    const options = (withCurrent: boolean) => [
      ...(withCurrent ? [h('option', { attrs: { value: CURRENT } }, 'Current text')] : []),
      ...versions.map((v) => h('option', { attrs: { value: v.id } }, versionLabel(v))),
    ];
    const keepFrom = this.fromSelect.value;
    const keepTo = this.toSelect.value;
    replaceChildren(this.fromSelect, ...options(false));
    replaceChildren(this.toSelect, ...options(true));
    // Default: the newest named version against the current text.
    const named = versions.find((v) => v.kind !== 'auto');
    this.fromSelect.value = versions.some((v) => v.id === keepFrom) ? keepFrom : (named ?? versions[0])?.id ?? '';
    this.toSelect.value = keepTo && versions.some((v) => v.id === keepTo) ? keepTo : CURRENT;
    // Restoring redraws the list under the facilitator's focus: it stays on the same button.
    redrawKeepingFocus(this.versionsHost, 'data-version-id', () =>
      replaceChildren(
        this.versionsHost,
        versions.length === 0
          ? h('p', { class: 'empty-state' }, 'No versions yet.')
          : versionList(versions, {
              preview: (v) => this.preview(v),
              restore: this.facilitator ? (v) => this.restore(v) : undefined,
            }),
      ),
    );
  }

  private compare(): void {
    const from = this.fromSelect.value;
    if (!from) return void this.error.show('There is no version to compare yet.', this.fromSelect);
    const to = this.toSelect.value || CURRENT;
    const title = `${this.fromSelect.selectedOptions[0]?.textContent ?? ''} compared with ${this.toSelect.selectedOptions[0]?.textContent ?? ''}`;
    this.act(this.api.compare(from, to).then((comparison) => this.show(title, compareView(comparison))), false);
  }

  private preview(version: VersionSummary): void {
    this.act(
      this.api.version(version.id).then((detail) => {
        const paper = h('article', { class: 'version-preview' });
        const view = readOnlyResolution(paper, resolutionSchema.nodeFromJSON(detail.doc));
        this.show(`${versionLabel(version)} (read-only)`, paper, () => view.destroy());
      }),
      false,
    );
  }

  private restore(version: VersionSummary): void {
    if (!window.confirm(`Restore "${versionLabel(version)}"? Its text replaces the current text for everyone; the current text stays in the history.`)) return;
    this.act(this.api.restore(version.id));
  }

  /** Runs an action, showing its error inline; refreshes the lists after changes. */
  private act(action: Promise<unknown>, changesHistory = true): void {
    this.error.hide();
    action.then(() => (changesHistory ? this.refresh() : undefined)).catch((failure: unknown) => this.fail(failure));
  }

  private fail(failure: unknown): void {
    this.error.show(errorText(failure));
  }
}
