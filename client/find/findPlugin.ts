import { keydownHandler } from 'prosemirror-keymap';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { findMatches, type FindMatch, type FindQuery } from './findMatches';

/** The open search: its query, the matches in the text now and which one is current. */
export interface FindState {
  query: FindQuery;
  matches: FindMatch[];
  /** Index into matches; 0 when there are none. */
  current: number;
}

const CLOSED: FindState = { query: { text: '', caseSensitive: false }, matches: [], current: 0 };

/** Meta: a new query (matches found afresh), or another current match. */
type FindMeta = { query: FindQuery; near?: number } | { current: number };

export const findKey = new PluginKey<FindState>('find');

export function findState(state: EditorState): FindState {
  return findKey.getState(state) ?? CLOSED;
}

/** Searches for `query`, the current match being the first at or after `near` (the caret). */
export function setFindQuery(tr: Transaction, query: FindQuery, near = 0): Transaction {
  return tr.setMeta(findKey, { query, near } satisfies FindMeta);
}

export function setCurrentMatch(tr: Transaction, current: number): Transaction {
  return tr.setMeta(findKey, { current } satisfies FindMeta);
}

/** The marks of each search state, drawn once: the state is kept while the text does not change, so caret moves reuse them. */
const drawn = new WeakMap<FindState, DecorationSet>();

function firstFrom(matches: FindMatch[], pos: number): number {
  const index = matches.findIndex((match) => match.from >= pos);
  return index < 0 ? 0 : index;
}

/**
 * Find in the text: Mod-f in the editor calls `open`; the matches of the open query are
 * marked, the current one more strongly, and found again whenever the text changes (anyone's
 * typing); `changed` hears each new state of the search.
 */
export function findPlugin(open: (view: EditorView) => void, changed: (find: FindState) => void): Plugin<FindState> {
  const keys = keydownHandler({ 'Mod-f': (_state, _dispatch, view) => (view ? open(view) : undefined, true) });
  return new Plugin<FindState>({
    key: findKey,
    state: {
      init: () => CLOSED,
      apply(tr, previous, _old, state) {
        const meta = tr.getMeta(findKey) as FindMeta | undefined;
        if (meta && 'query' in meta) {
          const matches = findMatches(state.doc, meta.query);
          return { query: meta.query, matches, current: firstFrom(matches, meta.near ?? 0) };
        }
        if (meta) return { ...previous, current: meta.current };
        if (!tr.docChanged || !previous.query.text) return previous;
        const matches = findMatches(state.doc, previous.query);
        const kept = previous.matches[previous.current];
        return { ...previous, matches, current: kept ? firstFrom(matches, tr.mapping.map(kept.from, -1)) : 0 };
      },
    },
    view: () => ({
      update(view, previous) {
        const find = findState(view.state);
        if (find !== findState(previous)) changed(find);
      },
    }),
    props: {
      handleKeyDown: (view, event) => keys(view, event),
      decorations(state) {
        const find = findState(state);
        if (find.matches.length === 0) return null;
        let decorations = drawn.get(find);
        if (!decorations) {
          decorations = DecorationSet.create(
            state.doc,
            find.matches.map((match, index) => Decoration.inline(match.from, match.to, { class: index === find.current ? 'find-match find-match-current' : 'find-match' })),
          );
          drawn.set(find, decorations);
        }
        return decorations;
      },
    },
  });
}
