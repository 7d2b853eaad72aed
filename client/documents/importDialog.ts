import type { App } from '../app/app';
import { h, replaceChildren } from '../app/dom';
import { errorText } from '../app/errorText';
import { formError, formField, submitting } from '../app/formField';
import { openOverlay } from '../history/overlay';
import { DEFAULT_IMPORT_MAX_BYTES, IMPORTED_VERSION_NAME } from '../../shared/draftImport';
import type { NegotiationSummary } from '../../shared/negotiations';
import { DraftImportApi } from './draftImportApi';
import { importPreviewView } from './importPreviewView';

const ACCEPT = '.docx,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain';

/** The dialog: choose a file, see what it becomes (a preview creates nothing), then create the draft and open it. */
function openImportDialog(app: App, negotiation: NegotiationSummary, signal: AbortSignal, opener: HTMLElement): void {
  const api = new DraftImportApi(app.api);
  const input = h('input', { attrs: { type: 'file', name: 'file', accept: ACCEPT, 'aria-describedby': 'import-file-hint' } });
  const status = h('p', { class: 'muted import-status', attrs: { role: 'status' } });
  const previewHost = h('div', {});
  const create = h('button', { class: 'button-primary', attrs: { type: 'button', disabled: true } }, 'Create draft');
  const error = formError('import-error');
  let previewed: File | null = null;
  let open = true;

  const preview = async () => {
    const file = input.files?.[0];
    previewed = null;
    create.disabled = true;
    error.hide();
    replaceChildren(previewHost);
    if (!file) return;
    status.textContent = `Reading ${file.name}…`;
    try {
      const result = await api.preview(negotiation.id, file);
      if (!open || input.files?.[0] !== file) return;
      previewed = file;
      status.textContent = `${result.paragraphs.length} lines read from ${file.name}.`;
      replaceChildren(previewHost, importPreviewView(result));
      create.disabled = false;
    } catch (failure) {
      if (!open) return;
      status.textContent = '';
      error.show(`The file could not be read: ${errorText(failure)}`, input);
    }
  };

  const createDraft = () =>
    void submitting(create, error, 'The draft could not be created.', async () => {
      if (!previewed) return;
      const { draft } = await api.create(negotiation.id, previewed);
      close();
      if (!signal.aborted) app.router.navigate(`/drafts/${encodeURIComponent(draft.id)}`);
    });
  create.addEventListener('click', createDraft);
  input.addEventListener('change', () => void preview());

  const content = h(
    'div',
    { class: 'import-dialog' },
    formField('Word (.docx) or text (.txt) file', input, true),
    h(
      'p',
      { class: 'muted', attrs: { id: 'import-file-hint' } },
      `Up to ${DEFAULT_IMPORT_MAX_BYTES / (1024 * 1024)} MB. The heading, sponsors line, title, formula, preambular and operative paragraphs are recognised; the text becomes the draft’s first version, “${IMPORTED_VERSION_NAME}”.`,
    ),
    status,
    error.element,
    previewHost,
    h('div', { class: 'import-actions' }, create),
  );
  const close = openOverlay(`Import a draft into ${negotiation.name}`, content, () => {
    open = false;
    signal.removeEventListener('abort', close);
    opener.focus();
  });
  signal.addEventListener('abort', close);
  input.focus();
}

/** "Import from Word" for the facilitators of a negotiation, beside "New draft". */
export function importFromWord(app: App, negotiation: NegotiationSummary, signal: AbortSignal): HTMLElement {
  const opener: HTMLButtonElement = h(
    'button',
    { class: 'button-quiet import-open', attrs: { type: 'button', 'aria-haspopup': 'dialog' }, on: { click: () => openImportDialog(app, negotiation, signal, opener) } },
    'Import from Word',
  );
  return opener;
}
