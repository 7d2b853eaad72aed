import type { VersionSummary } from '../../shared/versions';
import type { ApiClient } from '../api/apiClient';
import { h, replaceChildren } from '../app/dom';
import { errorText } from '../app/errorText';
import { formError } from '../app/formField';
import { openOverlay } from '../history/overlay';
import { versionLabel } from '../history/versionLabel';

export interface ExportMenuOptions {
  draftId: string;
  api: Pick<ApiClient, 'download'>;
  /** The draft's versions, newest first (DraftApi.versions). */
  versions: () => Promise<VersionSummary[]>;
  /** Hands the file to the browser; a test passes its own. */
  save?: (blob: Blob, fileName: string) => void;
}

/**
 * "Download" in the editor's header: the draft as Word (clean), as Word with tracked changes
 * against a version chosen in a small dialog, as the Word compilation of pending proposals, or as
 * Akoma Ntoso XML. Files come through the API
 * (the session token goes in a header, never in a URL) and are saved under the server's name.
 */
export function exportMenu({ draftId, api, versions, save = saveFile }: ExportMenuOptions): HTMLElement {
  const base = `/api/drafts/${encodeURIComponent(draftId)}`;
  const status = h('p', { class: 'export-status', attrs: { role: 'status' } });
  const menu = h('details', { class: 'export-menu' });

  /** Null when the file was saved, else why not (also shown under the menu). */
  const download = async (path: string, fallbackName: string): Promise<string | null> => {
    status.textContent = 'Preparing the file…';
    try {
      const { blob, fileName } = await api.download(`${base}${path}`);
      save(blob, fileName ?? fallbackName);
      status.textContent = '';
      menu.open = false;
      return null;
    } catch (err) {
      status.textContent = `The file could not be made: ${errorText(err)}`;
      return status.textContent;
    }
  };
  const item = (label: string, action: () => void) =>
    h('button', { class: 'button-quiet button-small', attrs: { type: 'button' }, on: { click: action } }, label);

  menu.append(
    h('summary', { class: 'button-quiet' }, 'Download'),
    h(
      'div',
      { class: 'export-menu-items' },
      item('Word (clean text)', () => void download('/export.docx?view=clean', 'draft.docx')),
      item('Word with tracked changes…', () => void chooseBase(versions, (baseId) => download(`/export.docx?${new URLSearchParams({ view: 'tracked', base: baseId })}`, 'draft.docx'))),
      item('Word compilation (pending proposals)', () => void download('/export.docx?view=compilation', 'draft.docx')),
      item('Akoma Ntoso XML', () => void download('/export.akn.xml', 'draft.akn.xml')),
      status,
    ),
  );
  return menu;
}

/** The dialog of a tracked export: which version the changes are shown against. */
async function chooseBase(versions: () => Promise<VersionSummary[]>, download: (baseId: string) => Promise<string | null>): Promise<void> {
  const body = h('div', { class: 'export-base' }, h('p', {}, 'Loading the versions…'));
  const close = openOverlay('Word with tracked changes', body);
  let list: VersionSummary[];
  try {
    list = await versions();
  } catch (err) {
    replaceChildren(body, h('p', { class: 'form-error', attrs: { role: 'alert' } }, `The versions could not be loaded: ${errorText(err)}`));
    return;
  }
  const select = h('select', { attrs: { name: 'base', 'aria-label': 'Changes since' } }, ...list.map((v) => h('option', { attrs: { value: v.id } }, versionLabel(v))));
  const error = formError('export-base-error');
  const form = h(
    'form',
    {
      on: {
        submit: (event) => {
          event.preventDefault();
          error.hide();
          void download(select.value).then((failure) => (failure ? error.show(failure, select) : close()));
        },
      },
    },
    h('label', {}, 'Show the changes since ', select),
    h('p', { class: 'export-hint' }, 'Each change is marked with the delegation that made it; accept or reject them in Word.'),
    h('button', { class: 'button-primary', attrs: { type: 'submit' } }, 'Download'),
    error.element,
  );
  replaceChildren(body, list.length === 0 ? h('p', {}, 'This draft has no versions yet.') : form);
}

function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = h('a', { attrs: { href: url, download: fileName } });
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser the time to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
