import { ApiError } from '../api/apiError';
import type { App } from '../app/app';
import { h, replaceChildren } from '../app/dom';
import type { Page } from '../app/router';
import type { Session } from '../app/session';
import { draftsList } from '../panels/draftsList';
import { appHeader } from './appHeader';
import { errorText } from '../app/errorText';

function newDraftForm(app: App, signal: AbortSignal): HTMLElement {
  const title = h('input', { attrs: { name: 'title', required: true, maxlength: '300', placeholder: 'e.g. Strengthening international cooperation against …' } });
  const symbol = h('input', { attrs: { name: 'symbol', maxlength: '60', placeholder: 'e.g. E/CN.15/2026/L.5' } });
  const submit = h('button', { class: 'button-primary', attrs: { type: 'submit' } }, 'Create draft');
  const error = h('p', { class: 'form-error', attrs: { role: 'alert', hidden: true } });

  const create = async (event: SubmitEvent) => {
    event.preventDefault();
    error.hidden = true;
    submit.disabled = true;
    try {
      const draft = await app.api.createDraft({ title: title.value.trim(), symbol: symbol.value.trim() || undefined });
      if (!signal.aborted) app.router.navigate(`/drafts/${encodeURIComponent(draft.id)}`);
    } catch (failure) {
      error.textContent = errorText(failure, 'The draft could not be created.');
      error.hidden = false;
    } finally {
      submit.disabled = false;
    }
  };

  return h(
    'section',
    { class: 'card new-draft' },
    h('h2', {}, 'New draft'),
    h('p', { class: 'muted' }, 'The new draft starts from the resolution template: heading, sponsors, title, preamble and operative part.'),
    h(
      'form',
      { class: 'new-draft-form', on: { submit: (e) => void create(e) } },
      h('label', { class: 'field field-wide' }, h('span', { class: 'field-label' }, 'Title'), title),
      h('label', { class: 'field' }, h('span', { class: 'field-label' }, 'Symbol (optional)'), symbol),
      submit,
      error,
    ),
  );
}

/** The drafts this delegation can open, and a form to start a new one. */
export function draftsPage(app: App, session: Session): Page {
  return ({ outlet, signal }) => {
    document.title = 'Drafts — Negotiation workspace';
    const listHost = h('div', { class: 'card drafts-card', attrs: { 'aria-busy': 'true' } }, h('p', { class: 'muted' }, 'Loading drafts…'));

    const load = async () => {
      try {
        const drafts = await app.api.listDrafts();
        if (signal.aborted) return;
        replaceChildren(listHost, draftsList(drafts));
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
        h('p', { class: 'page-lead' }, 'Draft resolutions under negotiation, most recently changed first.'),
        listHost,
        // The server says whether this person may create one (a facilitator of one negotiation).
        newDraftForm(app, signal),
      ),
    );
    void load();
  };
}
