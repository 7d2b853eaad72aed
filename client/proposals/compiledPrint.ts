import type { Node as PMNode } from 'prosemirror-model';
import type * as Y from 'yjs';
import { compileDraft, type CompilationView } from '../../shared/compilation';
import type { DraftApi } from '../api/draftApi';
import { h } from '../app/dom';
import { compiledPaper } from './compiledPaper';
import { parseViewQuery, viewName, viewQueryValue } from './compilationViewQuery';
import { paragraphOutline } from './paragraphOutline';
import { delegationsIn } from './proposalFilters';

type PrintApi = Pick<DraftApi, 'proposals' | 'stableLabels'>;

/** A view of the draft for the print view: its pending proposals and labels fetched, then compiled. */
export async function compiledPrint(ydoc: Y.Doc, doc: PMNode, api: PrintApi, view: CompilationView): Promise<HTMLElement> {
  const [proposals, stable] = await Promise.all([api.proposals('pending'), api.stableLabels()]);
  const { labels, printed } = paragraphOutline(doc, stable);
  return compiledPaper(compileDraft(ydoc, proposals, labels, view), printed);
}

/**
 * The print bar's choice of view: the current text, the compilation or clean text, or one
 * delegation's proposals (the delegations with pending proposals, fetched). `go` receives the
 * new query ("?view=clean", "" for the current text).
 */
export function printViewChoice(current: CompilationView | null, api: Pick<DraftApi, 'proposals'>, go: (query: string) => void): HTMLElement {
  const option = (view: CompilationView | null) => h('option', { attrs: { value: viewQueryValue(view) } }, viewName(view));
  const select = h('select', { class: 'print-view', attrs: { name: 'view' } }, option(null), option({ kind: 'compilation' }), option({ kind: 'clean' }));
  const addDelegation = (delegation: string) => {
    const view: CompilationView = { kind: 'delegation', delegation };
    if (![...select.options].some((o) => o.value === viewQueryValue(view))) select.append(option(view));
  };
  if (current?.kind === 'delegation') addDelegation(current.delegation);
  select.value = viewQueryValue(current);
  void api.proposals('pending').then(
    (proposals) => delegationsIn(proposals).forEach(addDelegation),
    // Without the list, the three views that need no delegation remain.
    () => undefined,
  );
  select.addEventListener('change', () => {
    const view = parseViewQuery(select.value);
    go(view ? `?${new URLSearchParams({ view: select.value }).toString()}` : '');
  });
  return h('label', { class: 'field-label print-view-field' }, 'View', select);
}
