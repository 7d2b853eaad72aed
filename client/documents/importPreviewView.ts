import { h } from '../app/dom';
import type { ImportPreview, ImportProblem } from '../../shared/draftImport';

function problemItem({ line, text, reason }: ImportProblem): HTMLElement {
  return h('li', {}, line ? h('span', { class: 'import-line' }, `Line ${line}: `) : null, reason, text ? h('q', { class: 'import-quote' }, text) : null);
}

/** What an imported file becomes: the problems to check first, then every paragraph with its label (PP3, OP2(a)). */
export function importPreviewView({ paragraphs, problems }: ImportPreview): HTMLElement {
  const problemsPart = problems.length
    ? h(
        'section',
        { class: 'import-problems', attrs: { 'aria-label': 'Problems to check' } },
        h('h3', {}, problems.length === 1 ? '1 line to check' : `${problems.length} lines to check`),
        h('p', { class: 'muted' }, 'The draft can be created anyway; fix these in the editor afterwards.'),
        h('ul', {}, ...problems.map(problemItem)),
      )
    : h('p', { class: 'import-all-placed' }, 'Every line found its place.');
  return h(
    'div',
    { class: 'import-preview' },
    problemsPart,
    h(
      'ol',
      { class: 'import-paragraphs', attrs: { 'aria-label': 'Paragraphs found' } },
      ...paragraphs.map((paragraph) =>
        h(
          'li',
          { class: `import-paragraph import-${paragraph.kind}`, attrs: { 'data-kind': paragraph.kind, 'data-level': String(paragraph.level) } },
          h('span', { class: 'import-label' }, paragraph.label),
          h('span', { class: 'import-text' }, paragraph.text),
        ),
      ),
    ),
  );
}
