import type { ImportedKind, ImportedParagraph, ImportPreview, ImportProblem } from '../../../shared/draftImport';
import { numberParagraphs } from '../../../shared/numbering';
import { resolutionSchema } from '../../../shared/schema';
import type { JsonNode } from '../../../shared/draftTemplate';

const HEADING_LABELS: Record<string, [ImportedKind, string]> = {
  symbol: ['symbol', 'Symbol'],
  organ: ['organ', 'Organ'],
  session: ['session', 'Session'],
  agenda_item: ['agenda_item', 'Agenda item'],
  sponsors: ['sponsors', 'Sponsors'],
  title: ['title', 'Title'],
  formula: ['formula', 'Formula'],
};

/** What an import would create, paragraph by paragraph with the labels delegates use (PP3, OP2(a)). */
export function importPreview(doc: JsonNode, masthead: readonly string[], problems: ImportProblem[]): ImportPreview {
  const node = resolutionSchema.nodeFromJSON(doc);
  // What is about to become a draft must fit the schema the editor and the server enforce.
  node.check();
  const references = new Map(numberParagraphs(node).map((label) => [label.id, label]));
  const paragraphs: ImportedParagraph[] = masthead.map((text) => ({ kind: 'masthead', label: 'Masthead', level: 0, text }));
  node.descendants((child) => {
    if (!child.isTextblock) return true;
    const numbered = references.get(child.attrs.id as string);
    const [kind, label] = numbered ? [numbered.kind, numbered.reference] : HEADING_LABELS[child.type.name];
    paragraphs.push({ kind, label, level: numbered?.level ?? 0, text: child.textContent });
    return false;
  });
  const text = (type: string) => paragraphs.find((paragraph) => paragraph.kind === type)?.text ?? '';
  return { title: text('title'), symbol: text('symbol'), paragraphs, problems };
}
