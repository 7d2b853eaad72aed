import { Decoration } from 'prosemirror-view';
import { punctuationIssues, type PunctuationIssue } from '../punctuation';
import { derivedDecorations } from './derivedDecorations';

function marker(issue: PunctuationIssue): HTMLElement {
  const el = document.createElement('span');
  el.className = 'lint-marker';
  el.contentEditable = 'false';
  el.title = issue.message;
  el.setAttribute('role', 'note');
  el.setAttribute('aria-label', issue.message);
  el.textContent = issue.expected;
  return el;
}

/** Flags paragraphs whose closing punctuation breaks the drafting rules, with the expected mark. */
export function lintPlugin() {
  return derivedDecorations('punctuation-lint', (doc) =>
    punctuationIssues(doc).flatMap((issue) => [
      Decoration.node(issue.pos, issue.end + 1, { class: 'has-lint' }),
      Decoration.widget(issue.end, () => marker(issue), {
        side: 1,
        ignoreSelection: true,
        // Same key, same DOM: the marker is not rebuilt on every keystroke.
        key: `lint:${issue.expected}:${issue.message}`,
      }),
    ]),
  );
}
