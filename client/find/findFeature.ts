import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { errorText } from '../app/errorText';
import { editingMode } from '../editor/plugins/proposeModePlugin';
import type { NewProposal } from '../proposals/proposalActions';
import { NOTICE_NOT_PROPOSABLE } from '../proposals/proposeIntent';
import { FindBar } from './findBar';
import type { FindMatch } from './findMatches';
import { findPlugin, findState, setCurrentMatch, setFindQuery, type FindState } from './findPlugin';
import { acceptsTransaction, replaceProposals, replaceTransaction } from './replaceMatches';

export interface FindFeatureOptions {
  /** False for observers: they find, and the replace controls are not offered. */
  canReplace: boolean;
  /** Sends one proposal: replacements in Propose mode (always so for delegates of a proposals-only draft). */
  propose: (proposal: NewProposal) => Promise<unknown>;
}

/** Words selected within one paragraph and shorter than this open the bar as the words to find. */
const SELECTION_AS_QUERY_MAX = 100;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Find and replace in the draft: Ctrl/Cmd-F in the text opens the bar. Replacing is a normal
 * edit (Replace all is one transaction), or in Propose mode one proposal per match.
 */
export class FindFeature {
  readonly bar: FindBar;
  readonly plugin;
  private view: EditorView | null = null;

  constructor(private readonly options: FindFeatureOptions) {
    this.bar = new FindBar(
      {
        search: (text, caseSensitive) => this.search({ text, caseSensitive }),
        step: (direction) => this.step(direction),
        replace: (text) => void this.replace(text, false),
        replaceAll: (text) => void this.replace(text, true),
        close: () => this.close(),
      },
      options.canReplace,
    );
    this.plugin = findPlugin(
      (view) => this.open(view),
      (find) => this.bar.showCount(find.current, find.matches.length),
    );
  }

  attach(view: EditorView): void {
    this.view = view;
  }

  destroy(): void {
    this.view = null;
  }

  /** Opens the bar, taking the selected words as the words to find. */
  open(view: EditorView): void {
    this.view = view;
    const { from, to, $from, empty } = view.state.selection;
    const selected = !empty && $from.sameParent(view.state.doc.resolve(to)) ? view.state.doc.textBetween(from, to) : '';
    this.bar.open(selected && selected.length <= SELECTION_AS_QUERY_MAX ? selected : null);
    this.search(this.bar.query);
  }

  private search(query: FindState['query']): void {
    const view = this.view;
    if (!view) return;
    view.dispatch(setFindQuery(view.state.tr, query, view.state.selection.from));
    this.show(view);
  }

  private step(direction: 1 | -1): void {
    const view = this.view;
    const { matches, current } = view ? findState(view.state) : { matches: [], current: 0 };
    if (!view || matches.length === 0) return;
    view.dispatch(setCurrentMatch(view.state.tr, (current + direction + matches.length) % matches.length));
    this.show(view);
  }

  /** Selects the current match and scrolls it into view; the focus stays in the bar. */
  private show(view: EditorView): void {
    const match: FindMatch | undefined = findState(view.state).matches[findState(view.state).current];
    if (!match) return;
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, match.from, match.to)));
    view.dom.querySelector('.find-match-current')?.scrollIntoView?.({ block: 'center' });
  }

  private async replace(text: string, all: boolean): Promise<void> {
    const view = this.view;
    if (!view || !this.options.canReplace) return;
    const { matches, current } = findState(view.state);
    const chosen = all ? matches : matches.slice(current, current + 1);
    if (chosen.length === 0) return;
    if (editingMode(view.state) === 'propose') return this.propose(view, chosen, text, all);
    // Agreed paragraphs and (for delegates) the heading refuse local changes: those matches stay.
    const allowed = chosen.filter((match) => acceptsTransaction(view.state, replaceTransaction(view.state, [match], text)));
    const kept = chosen.length - allowed.length;
    const keptNote = kept ? `${plural(kept, 'match', 'matches')} in agreed text or the heading left unchanged` : '';
    if (allowed.length === 0) return this.bar.say(`Nothing replaced: ${keptNote}.`);
    const tr = replaceTransaction(view.state, allowed, text);
    view.dispatch(tr);
    this.bar.say(all ? `Replaced ${plural(allowed.length, 'match', 'matches')}${kept ? ` (${keptNote})` : ''}.` : '');
    // The next match after the words just put in, never those words themselves.
    const after = tr.mapping.map(allowed[allowed.length - 1].to);
    const next = findState(view.state).matches.findIndex((match) => match.from >= after);
    view.dispatch(setCurrentMatch(view.state.tr, Math.max(next, 0)));
    this.show(view);
  }

  /** Each match becomes a proposal, one after the other so the server's answers come in text order. */
  private async propose(view: EditorView, matches: FindMatch[], text: string, all: boolean): Promise<void> {
    const proposals = replaceProposals(view.state, matches, text);
    if (proposals.length === 0) return this.bar.say(NOTICE_NOT_PROPOSABLE);
    let sent = 0;
    try {
      for (const proposal of proposals) {
        await this.options.propose(proposal);
        sent += 1;
      }
    } catch (failure) {
      return this.bar.say(`${plural(sent, 'proposal', 'proposals')} made; then: ${errorText(failure)}`);
    }
    const skipped = matches.length - proposals.length;
    this.bar.say(`Proposed ${plural(sent, 'replacement', 'replacements')}${skipped ? ` (${skipped} outside preambular and operative paragraphs left as they are)` : ''}.`);
    if (!all) this.step(1);
  }

  private close(): void {
    this.bar.close();
    const view = this.view;
    if (!view) return;
    view.dispatch(setFindQuery(view.state.tr, { text: '', caseSensitive: false }));
    view.focus();
  }
}
