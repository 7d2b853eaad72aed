import type { JsonNode } from '../../../shared/draftTemplate';
import { newParagraphId } from '../../../shared/paragraphIds';
import type { ClassifiedDraft } from './classifyParagraphs';
import type { Run } from './sourceParagraph';

const withId = (type: string, content: JsonNode[], attrs: Record<string, unknown> = {}): JsonNode => ({ type, attrs: { id: newParagraphId(), ...attrs }, content });

const plain = (text: string): JsonNode[] => (text ? [{ type: 'text', text }] : []);

const marked = (runs: readonly Run[]): JsonNode[] =>
  runs.filter((run) => run.text).map((run) => (run.marks.length ? { type: 'text', text: run.text, marks: run.marks.map((type) => ({ type })) } : { type: 'text', text: run.text }));

/** The classified draft as ProseMirror JSON in the resolution schema, every paragraph with a fresh stable id. */
export function importedDoc({ heading, formula, body }: ClassifiedDraft): JsonNode {
  const operative = body.filter((paragraph) => paragraph.kind === 'op');
  return {
    type: 'doc',
    content: [
      {
        type: 'heading',
        content: [
          withId('symbol', plain(heading.symbol)),
          withId('organ', plain(heading.organ)),
          withId('session', plain(heading.session)),
          withId('agenda_item', plain(heading.agendaItem)),
        ],
      },
      withId('sponsors', plain(heading.sponsors)),
      withId('title', plain(heading.title)),
      {
        type: 'preamble',
        content: [
          withId('formula', marked(formula)),
          ...body.filter((paragraph) => paragraph.kind === 'pp').map((paragraph) => withId('preambular_paragraph', marked(paragraph.runs))),
        ],
      },
      {
        type: 'operative',
        // The schema wants at least one operative paragraph; an empty one is reported as a problem.
        content: (operative.length ? operative : [{ runs: [], level: 0 }]).map((paragraph) =>
          withId('operative_paragraph', marked(paragraph.runs), { level: paragraph.level }),
        ),
      },
    ],
  };
}
