import { ApiError } from '../api/apiError';
import { NegotiationsApi } from '../api/negotiationsApi';
import type { App } from '../app/app';
import { h, replaceChildren } from '../app/dom';
import { formError, formField, submitting } from '../app/formField';
import type { Page } from '../app/router';
import type { Session } from '../app/session';
import { negotiationSection } from '../panels/negotiationSection';
import type { DraftSummary } from '../../shared/drafts';
import type { NegotiationSummary } from '../../shared/negotiations';
import { isFacilitator } from '../../shared/roles';
import { appHeader } from './appHeader';
import { errorText } from '../app/errorText';
import { importFromWord } from '../documents/importDialog';
import type { OrganId } from '../../shared/organs';
import { organChoice } from './organChoice';

/** A new draft in one negotiation; only its facilitators see this form. */
function newDraftForm(app: App, negotiation: NegotiationSummary, signal: AbortSignal): HTMLElement {
  const title = h('input', { attrs: { name: 'title', required: true, maxlength: '300', placeholder: 'e.g. Strengthening international cooperation against …' } });
  const symbol = h('input', { attrs: { name: 'symbol', maxlength: '60', placeholder: 'e.g. E/CN.15/2026/L.5' } });
  const organ = organChoice(symbol, negotiation.body);
  const submit = h('button', { class: 'button-primary', attrs: { type: 'submit' } }, 'Create draft');
  const error = formError();

  const create = (event: SubmitEvent) => {
    event.preventDefault();
    void submitting(submit, error, 'The draft could not be created.', async () => {
      const draft = await app.api.createDraft(negotiation.id, { title: title.value.trim(), symbol: symbol.value.trim() || undefined, organ: organ.value as OrganId });
      if (!signal.aborted) app.router.navigate(`/drafts/${encodeURIComponent(draft.id)}`);
    });
  };

  return h(
    'details',
    { class: 'new-draft' },
    h('summary', {}, 'New draft'),
    h('p', { class: 'muted' }, 'The new draft starts from the resolution template: heading, sponsors, title, preamble and operative part.'),
    h(
      'form',
      { class: 'new-draft-form', attrs: { 'aria-label': `New draft in ${negotiation.name}` }, on: { submit: create } },
      formField('Title', title, true),
      formField('Symbol (optional)', symbol),
      formField('Organ', organ),
      submit,
      error.element,
    ),
  );
}

/** The caller's negotiations, each with its drafts (and a form for a new one where they facilitate). */
export function draftsPage(app: App, session: Session): Page {
  return ({ outlet, signal }) => {
    document.title = 'Drafts — Negotiation workspace';
    const negotiationsApi = new NegotiationsApi(app.api);
    const listHost = h('div', { class: 'negotiations', attrs: { 'aria-busy': 'true' } }, h('p', { class: 'muted' }, 'Loading drafts…'));

    const show = (negotiations: NegotiationSummary[], drafts: DraftSummary[]) => {
      if (negotiations.length === 0) {
        replaceChildren(listHost, h('p', { class: 'card empty-state' }, 'You are not a member of any negotiation yet. A facilitator or the administrator can add you.'));
        return;
      }
      replaceChildren(
        listHost,
        ...negotiations.map((negotiation) =>
          negotiationSection(
            negotiation,
            drafts.filter((draft) => draft.negotiationId === negotiation.id),
            negotiation.me && isFacilitator(negotiation.me.role) ? newDraftForm(app, negotiation, signal) : null,
            negotiation.me && isFacilitator(negotiation.me.role) ? importFromWord(app, negotiation, signal) : null,
          ),
        ),
      );
    };

    const load = async () => {
      try {
        const [negotiations, drafts] = await Promise.all([negotiationsApi.list(), app.api.listDrafts()]);
        if (!signal.aborted) show(negotiations, drafts);
      } catch (failure) {
        if (signal.aborted || (failure instanceof ApiError && failure.status === 401)) return;
        const message = errorText(failure, 'The drafts could not be loaded.');
        replaceChildren(
          listHost,
          h('p', { class: 'form-error', attrs: { role: 'alert' } }, message),
          h('button', { class: 'button-quiet', attrs: { type: 'button' }, on: { click: () => void load() } }, 'Try again'),
        );
      } finally {
        listHost.removeAttribute('aria-busy');
      }
    };

    outlet.append(
      appHeader(app, session),
      h(
        'main',
        { class: 'page drafts-page' },
        h('h1', {}, 'Drafts'),
        h('p', { class: 'page-lead' }, 'The negotiations you take part in and their draft resolutions, most recently changed first.'),
        listHost,
      ),
    );
    void load();
  };
}
