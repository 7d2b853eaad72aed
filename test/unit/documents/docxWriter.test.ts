import { XMLValidator } from 'fast-xml-parser';
import { outlineToDoc } from '../../../shared/draftTemplate';
import { writeDocx } from '../../../server/documents/docxWriter';
import { readDraft } from '../../../server/documents/readDraft';
import { docxParts, OUTLINE, wordParagraphs, wordText } from './exportFixture';

const DATE = '2026-05-18T09:30:00.000Z';

async function exported(outline = OUTLINE) {
  const parts = await docxParts(await writeDocx(readDraft(outlineToDoc(outline), new Map(), DATE)));
  return { ...parts, paragraphs: wordParagraphs(parts.document) };
}

/** The Word paragraph whose text starts with `start`. */
function paragraphStarting(paragraphs: string[], start: string): string {
  const found = paragraphs.find((p) => wordText(p).startsWith(start));
  if (!found) throw new Error(`no paragraph starts with "${start}"`);
  return found;
}

describe('the .docx writer', () => {
  it('sets the UN masthead: symbol at the top right, distribution, date, language, then organ, sponsors and title', async () => {
    const { paragraphs } = await exported();
    const texts = paragraphs.map(wordText);
    expect(texts[0]).toBe('United Nations\tE/CN.15/2026/L.4');
    expect(paragraphs[0]).toContain('<w:tab w:val="right"');
    expect(texts.slice(1, 5)).toEqual(['Distr.: Limited', '18 May 2026', '', 'Original: English']);
    expect(texts[5]).toBe(OUTLINE.organ);
    expect(texts).toEqual(expect.arrayContaining([OUTLINE.session, OUTLINE.agendaItem, OUTLINE.sponsors, OUTLINE.title, OUTLINE.formula]));
    expect(texts.indexOf(OUTLINE.title)).toBeLessThan(texts.indexOf(OUTLINE.formula));
  });

  it('numbers operative paragraphs with real Word numbering: 1. / (a) / (i)', async () => {
    const { numbering, paragraphs } = await exported();
    const levels = [...numbering.matchAll(/<w:lvl w:ilvl="(\d)"[^>]*>.*?<w:numFmt w:val="(\w+)"\/><w:lvlText w:val="([^"]+)"\/>/g)].map((m) => [m[1], m[2], m[3]]);
    expect(levels).toEqual(expect.arrayContaining([['0', 'decimal', '%1.'], ['1', 'lowerLetter', '(%2)'], ['2', 'lowerRoman', '(%3)']]));
    const numPr = (start: string) => /<w:numPr><w:ilvl w:val="(\d)"\/><w:numId w:val="(\d+)"\/><\/w:numPr>/.exec(paragraphStarting(paragraphs, start))?.slice(1);
    const [op1Level, numId] = numPr('Urges')!;
    expect(op1Level).toBe('0');
    expect(numPr('Ensuring that')).toEqual(['1', numId]);
    expect(numPr('The investigation')).toEqual(['2', numId]);
    expect(numbering).toContain(`<w:num w:numId="${numId}">`);
    // The numbers come from Word, not from the text.
    expect(wordText(paragraphStarting(paragraphs, 'Urges'))).not.toMatch(/^1\./);
    expect(paragraphStarting(paragraphs, OUTLINE.preambular[0].slice(0, 20))).not.toContain('<w:numPr>');
  });

  it('leaves a lone operative paragraph unnumbered', async () => {
    const { paragraphs } = await exported({ ...OUTLINE, operative: [{ text: 'Decides to remain seized of the matter.' }] });
    expect(paragraphStarting(paragraphs, 'Decides')).not.toContain('<w:numPr>');
  });

  it('sets the lead words of preambular and operative paragraphs in italics, and only them', async () => {
    const { paragraphs } = await exported();
    const runs = (start: string) =>
      [...paragraphStarting(paragraphs, start).matchAll(/<w:r>(.*?)<\/w:r>/g)].map((m) => ({ italic: m[1].includes('<w:i/>'), text: wordText(m[1]) }));
    expect(runs('Deeply concerned').slice(0, 2)).toEqual([{ italic: true, text: 'Deeply concerned' }, { italic: false, text: expect.stringMatching(/^ that traffickers/) }]);
    expect(runs('Noting with appreciation')[0]).toEqual({ italic: true, text: 'Noting with appreciation' });
    expect(runs('Calls upon')[0]).toEqual({ italic: true, text: 'Calls upon' });
    // Sub-paragraphs carry no italic lead.
    expect(runs('Ensuring that').every((run) => !run.italic)).toBe(true);
  });

  it('writes well-formed parts', async () => {
    const parts = await exported();
    for (const xml of [parts.document, parts.numbering, parts.styles]) expect(XMLValidator.validate(xml)).toBe(true);
  });

  it('sets everything in Times New Roman, with the page number in the footer', async () => {
    const { styles, footer } = await exported();
    expect(styles).toMatch(/<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman"/);
    expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
  });

  it('keeps marks of the text: bold and underline', async () => {
    const doc = outlineToDoc(OUTLINE) as { content: Array<{ content?: Array<{ type: string; content?: unknown[] }> }> };
    const operative = doc.content[4].content!;
    operative[0].content = [{ type: 'text', text: 'Urges ' }, { type: 'text', text: 'all', marks: [{ type: 'strong' }, { type: 'underline' }] }, { type: 'text', text: ' States;' }];
    const { document } = await docxParts(await writeDocx(readDraft(doc, new Map(), DATE)));
    expect(document).toMatch(/<w:r><w:rPr><w:b\/><w:bCs\/><w:u w:val="single"\/><\/w:rPr><w:t xml:space="preserve">all<\/w:t><\/w:r>/);
  });
});
