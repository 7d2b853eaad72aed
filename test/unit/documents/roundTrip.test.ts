import type { JsonNode } from '../../../shared/draftTemplate';
import { outlineToDoc, type DraftOutline } from '../../../shared/draftTemplate';
import { writeDocx } from '../../../server/documents/docxWriter';
import { readDraft } from '../../../server/documents/readDraft';
import { importDraft } from '../../../server/documents/import/importDraft';
import { DEFAULT_IMPORT_LIMITS } from '../../../server/documents/import/importLimits';
import { OUTLINE } from './exportFixture';
import { typedNumbersDraft, wordNumberedDraft } from './draftFixtures';

/** Every paragraph of a draft as "type level: text"; with `marks`, its marked stretches as `_em_` / `*strong*`. */
function paragraphsOf(doc: JsonNode, marks = false): string[] {
  const lines: string[] = [];
  const visit = (node: JsonNode) => {
    if (node.content?.some((child) => child.type === 'text') || (node.attrs && 'id' in node.attrs)) {
      const text = (node.content ?? []).map((child) => (marks ? marked(child) : child.text ?? '')).join('');
      lines.push(`${node.type} ${Number(node.attrs?.level ?? 0)}: ${text}`);
      return;
    }
    node.content?.forEach(visit);
  };
  visit(doc);
  return lines;
}

function marked(text: JsonNode): string {
  const names = (text.marks ?? []).map((mark) => mark.type);
  const em = names.includes('em') ? '_' : '';
  const strong = names.includes('strong') ? '*' : '';
  return `${strong}${em}${text.text ?? ''}${em}${strong}`;
}

/** Exports a draft to .docx and imports the file again. */
async function roundTrip(doc: JsonNode) {
  const bytes = await writeDocx(readDraft(doc, new Map(), '2026-05-18T09:30:00.000Z'));
  return importDraft({ bytes, name: 'E_CN.15_2026_L.4.docx' }, DEFAULT_IMPORT_LIMITS);
}

describe('round trip: export to .docx, import the file', () => {
  it('keeps every paragraph of the demo draft, its kind, level and text', async () => {
    const original = outlineToDoc(OUTLINE);
    const { doc, preview } = await roundTrip(original);
    expect(paragraphsOf(doc)).toEqual(paragraphsOf(original));
    expect(preview.problems).toEqual([]);
    expect(preview).toMatchObject({ symbol: OUTLINE.symbol, title: OUTLINE.title });
  });

  it('keeps italics and bold written inside paragraphs, and gives the lead words back in italics', async () => {
    const original = outlineToDoc(OUTLINE);
    const operative = original.content!.find((node) => node.type === 'operative')!;
    operative.content![0].content = [
      { type: 'text', text: 'Urges Member States to ratify the ' },
      { type: 'text', text: 'Convention', marks: [{ type: 'strong' }] },
      { type: 'text', text: ' and its ' },
      { type: 'text', text: 'Protocols', marks: [{ type: 'em' }] },
      { type: 'text', text: ';' },
    ];
    const { doc } = await roundTrip(original);
    const op1 = paragraphsOf(doc, true).find((line) => line.startsWith('operative_paragraph'));
    expect(op1).toBe('operative_paragraph 0: _Urges_ Member States to ratify the *Convention* and its _Protocols_;');
  });

  it('keeps a lone operative paragraph (unnumbered in Word) and deep sub-paragraphs', async () => {
    const lone: DraftOutline = { ...OUTLINE, operative: [{ text: 'Decides to remain seized of the matter.' }] };
    const { doc } = await roundTrip(outlineToDoc(lone));
    expect(paragraphsOf(doc).filter((line) => line.startsWith('operative'))).toEqual(['operative_paragraph 0: Decides to remain seized of the matter.']);

    const deep: DraftOutline = {
      ...OUTLINE,
      operative: [
        { text: 'Encourages Member States:' },
        { level: 1, text: 'To train officials on:' },
        { level: 2, text: 'The investigation of online recruitment:' },
        { level: 3, text: 'through social media;' },
        { level: 3, text: 'through messaging applications;' },
        { level: 1, text: 'To cooperate with the private sector;' },
        { text: 'Decides to remain seized of the matter.' },
      ],
    };
    const original = outlineToDoc(deep);
    const back = await roundTrip(original);
    expect(paragraphsOf(back.doc)).toEqual(paragraphsOf(original));
  });

  it.each([
    ['Word auto-numbering and a masthead table', wordNumberedDraft],
    ['typed numbers and a masthead in plain paragraphs', typedNumbersDraft],
  ])('imports a delegation’s file (%s), exports it and reads the same draft back', async (_name, file) => {
    const first = await importDraft({ bytes: await file(), name: 'zero-draft.docx' }, DEFAULT_IMPORT_LIMITS);
    const second = await roundTrip(first.doc);
    expect(paragraphsOf(second.doc, true)).toEqual(paragraphsOf(first.doc, true));
    expect(second.preview.problems).toEqual([]);
  });
});
