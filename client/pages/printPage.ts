import type { EditorView } from 'prosemirror-view';
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import type { App } from '../app/app';
import { h, replaceChildren } from '../app/dom';
import type { Page } from '../app/router';
import type { Session } from '../app/session';
import { CollabSession, yjsServerUrl } from '../collab/collabSession';
import { readOnlyResolution } from '../editor/readOnlyResolution';
import { DraftApi } from '../api/draftApi';
import { compiledPrint, printViewChoice } from '../proposals/compiledPrint';
import { parseViewQuery, viewName } from '../proposals/compilationViewQuery';
import { errorText } from '../app/errorText';
import { CloseCode } from '../../shared/closeCodes';
import { resolutionSchema } from '../../shared/schema';
import { draftHeading } from './draftHeading';
import { printMasthead } from '../documents/printMasthead';
import { showRunningHeader } from '../documents/runningHeader';
import { lineNumbersChoice } from '../documents/lineNumbers';
import { formatDocumentDate } from '../../shared/documentDate';
import { draftNotFound } from './messagePanel';

/** How long the print view waits for the server's latest text before printing the copy on this device. */
const LATEST_TEXT_WAIT_MS = 3000;

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * A clean, read-only rendering of the draft in UN layout for the browser's print:
 * the same numbering and lead words as the editor, without any of its tools.
 */
export function printPage(app: App, session: Session): Page {
  return ({ params, query, outlet, signal }) => {
    const draftId = params.id;
    const printView = parseViewQuery(query.get('view'));
    const draftApi = new DraftApi(draftId, app.api);
    const editorPath = `/drafts/${encodeURIComponent(draftId)}`;
    const paper = h('article', { class: 'paper print-paper' }, h('p', { class: 'paper-message' }, 'Preparing the print view…'));
    const note = h('p', { class: 'print-note', attrs: { hidden: true } });
    const lineNumbers = lineNumbersChoice(paper);
    const printButton = h('button', { class: 'button-primary', attrs: { type: 'button', disabled: true }, on: { click: () => window.print() } }, 'Download PDF');
    const page = h(
      'div',
      { class: 'print-page' },
      h('div', { class: 'print-bar' }, h('a', { class: 'button-quiet', attrs: { href: editorPath } }, '← Back to the draft'),
        printViewChoice(printView, draftApi, (path) => app.router.navigate(`${editorPath}/print${path}`, { replace: true })),
        lineNumbers.field,
        note,
        h('span', { class: 'print-hint', attrs: { id: 'print-hint' } }, 'In the print dialog, choose “Save as PDF” as the destination.'),
        printButton,
      ),
      paper,
    );
    printButton.setAttribute('aria-describedby', 'print-hint');
    outlet.append(page);

    let view: EditorView | null = null;
    const collab = new CollabSession(
      { draftId, ticket: () => app.api.draftTicket(draftId), serverUrl: yjsServerUrl(location), user: null, localCopyOwner: session.user.id },
      {
        onStatus: () => undefined,
        onClosed: (code) => {
          if (code === CloseCode.Unauthorized) app.signOut({ returnTo: `${editorPath}/print`, expired: true });
          else if (code === CloseCode.UnknownDraft) replaceChildren(paper, draftNotFound());
        },
      },
    );
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      collab.destroy();
    };
    signal.addEventListener('abort', () => {
      view?.destroy();
      release();
    });

    void (async () => {
      const source = await collab.ready();
      const latest = source === 'server' || (await Promise.race([collab.serverSynced().then(() => true), wait(LATEST_TEXT_WAIT_MS).then(() => false)]));
      if (signal.aborted) return;
      const doc = yXmlFragmentToProseMirrorRootNode(collab.fragment, resolutionSchema);
      const compiled = printView ? await compiledPrint(collab.doc, doc, draftApi, printView).catch((failure: unknown) => new Error(errorText(failure))) : null;
      if (signal.aborted) return;
      release();
      paper.replaceChildren();
      if (compiled instanceof Error) {
        replaceChildren(paper, h('p', { class: 'paper-message', attrs: { role: 'alert' } }, `The proposals could not be loaded: ${compiled.message}`));
        return;
      }
      const { symbol, title } = draftHeading(doc);
      paper.append(printMasthead(symbol, formatDocumentDate(new Date().toISOString())));
      if (compiled) paper.append(compiled);
      else view = readOnlyResolution(paper, doc);
      lineNumbers.number(paper);
      showRunningHeader(page, symbol, signal);
      document.title = `${symbol ? `${symbol} — ` : ''}${title || 'Draft'} (${printView ? `${viewName(printView)}, ` : ''}print)`;
      if (!latest) {
        note.textContent = 'Printed from the copy on this device: the latest changes of others may be missing.';
        note.hidden = false;
      }
      printButton.disabled = false;
    })();
  };
}
