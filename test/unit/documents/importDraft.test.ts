import type { ImportedParagraph } from '../../../shared/draftImport';
import type { JsonNode } from '../../../shared/draftTemplate';
import { importDraft } from '../../../server/documents/import/importDraft';
import { DEFAULT_IMPORT_LIMITS } from '../../../server/documents/import/importLimits';
import { PLAIN_TEXT_DRAFT, p, rawDocx, typedNumbersDraft, wordNumberedDraft } from './draftFixtures';

const read = (bytes: Buffer, name = 'draft.docx') => importDraft({ bytes, name }, DEFAULT_IMPORT_LIMITS);
const labelled = (paragraphs: ImportedParagraph[]) => paragraphs.map(({ kind, label, text }) => `${kind} ${label}: ${text}`);
const body = (paragraphs: ImportedParagraph[]) => labelled(paragraphs.filter((x) => x.kind === 'pp' || x.kind === 'op'));

/** The text nodes of the nth paragraph of a part ("preamble", "operative") of the document. */
function inlineOf(doc: JsonNode, part: string, index: number): JsonNode[] {
  const section = doc.content!.find((node) => node.type === part)!;
  return section.content![index].content ?? [];
}

describe('importing a draft: reader and classifier', () => {
  it('reads Word auto-numbering (1., (a), (i) from numbering.xml), the masthead table and italic lead words', async () => {
    const { doc, preview } = await read(await wordNumberedDraft());
    expect(labelled(preview.paragraphs)).toEqual([
      'masthead Masthead: United Nations',
      'masthead Masthead: General Assembly',
      'masthead Masthead: Distr.: Limited',
      'masthead Masthead: 14 October 2026',
      'masthead Masthead: Original: English',
      'symbol Symbol: A/C.3/79/L.12',
      'organ Organ: Third Committee',
      'session Session: Seventy-ninth session',
      'agenda_item Agenda item: Agenda item 71 (b): Promotion and protection of human rights: human rights questions',
      'sponsors Sponsors: Brazil, Canada and Japan: draft resolution',
      'title Title: The right to privacy in the digital age',
      'formula Formula: The General Assembly,',
      'pp PP1: Reaffirming the purposes and principles of the Charter of the United Nations,',
      'pp PP2: Deeply concerned at the negative impact that surveillance may have on the exercise of human rights,',
      'op OP1: Calls upon all States:',
      'op OP1(a): To respect and protect the right to privacy, including in the context of digital communication;',
      'op OP1(b): To review their procedures, practices and legislation regarding:',
      'op OP1(b)(i): the surveillance of communications;',
      'op OP1(b)(ii): the collection of personal data;',
      'op OP2: Requests the Secretary-General to report to the General Assembly at its eighty-first session.',
    ]);
    expect(preview.problems).toEqual([]);
    expect(inlineOf(doc, 'preamble', 2)).toEqual([
      { type: 'text', text: 'Deeply concerned', marks: [{ type: 'em' }] },
      { type: 'text', text: ' at the negative impact that surveillance may have on the exercise of human rights,' },
    ]);
    expect(inlineOf(doc, 'operative', 0)[0]).toEqual({ type: 'text', text: 'Calls upon', marks: [{ type: 'em' }] });
    // Heading lines hold plain text: the bold of the title is not carried into a node that allows no marks.
    expect(doc.content![2]).toMatchObject({ type: 'title', content: [{ type: 'text', text: 'The right to privacy in the digital age' }] });
    expect(doc.content![2].content![0].marks).toBeUndefined();
  });

  it('strips typed numbers ("1.", "(a)", "(i)") and takes the levels from them; bold kept', async () => {
    const { doc, preview } = await read(await typedNumbersDraft());
    expect(body(preview.paragraphs)).toEqual([
      'pp PP1: Recalling General Assembly resolution 55/25 of 15 November 2000,',
      'pp PP2: Noting with concern the growing use of online platforms by traffickers,',
      'op OP1: Urges Member States to strengthen international cooperation;',
      'op OP2: Encourages Member States:',
      'op OP2(a): to share information on emerging trends;',
      'op OP2(b): to train law enforcement officials, in particular:',
      'op OP2(b)(i): investigators;',
      'op OP2(b)(ii): prosecutors;',
      'op OP2(c): to cooperate with the private sector;',
      'op OP3: Requests the United Nations Office on Drugs and Crime to report to the Commission at its thirty-sixth session.',
    ]);
    expect(preview).toMatchObject({ symbol: 'E/CN.15/2026/L.4', title: 'Countering trafficking in persons facilitated by information and communication technologies', problems: [] });
    expect(preview.paragraphs.find((x) => x.kind === 'session')?.text).toBe('Thirty-fifth session, Vienna, 18–22 May 2026');
    expect(inlineOf(doc, 'operative', 2)).toEqual([
      { type: 'text', text: 'to share information on ' },
      { type: 'text', text: 'emerging', marks: [{ type: 'strong' }] },
      { type: 'text', text: ' trends;' },
    ]);
    expect(inlineOf(doc, 'operative', 0)[0]).toEqual({ type: 'text', text: 'Urges', marks: [{ type: 'em' }] });
  });

  it('reads a .txt in UTF-8 with or without BOM and in UTF-16 with either BOM alike', async () => {
    const expected = [
      'pp PP1: Recognizing the importance of protecting cultural property,',
      'pp PP2: Bearing in mind the International Guidelines for Crime Prevention and Criminal Justice Responses,',
      'op OP1: Invites Member States to review their legislation;',
      'op OP2: Requests the Secretariat to continue its work.',
    ];
    const utf16be = Buffer.from(PLAIN_TEXT_DRAFT, 'utf16le').swap16();
    const encodings = [
      Buffer.from(PLAIN_TEXT_DRAFT, 'utf8'),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PLAIN_TEXT_DRAFT, 'utf8')]),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PLAIN_TEXT_DRAFT, 'utf16le')]),
      Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be]),
    ];
    for (const bytes of encodings) {
      const { preview } = await read(bytes, 'draft.txt');
      expect(body(preview.paragraphs)).toEqual(expected);
      expect(preview).toMatchObject({ symbol: 'E/CN.15/2026/L.7', title: 'Preventing and combating illicit trafficking in cultural property', problems: [] });
    }
  });

  it('tells the letter (i) after (h) from the roman (i) under it', async () => {
    const letters = 'abcdefgh'.split('').map((letter) => `(${letter}) item ${letter};`);
    const text = ['The General Assembly,', '1. Decides:', ...letters, '(i) the letter i;', '(j) the letter j;', '2. Also decides:', ...letters, '(i) first under (h);', '(ii) second under (h);'].join('\n');
    const { preview } = await read(Buffer.from(text), 'draft.txt');
    const ops = preview.paragraphs.filter((x) => x.kind === 'op').map((x) => x.label);
    expect(ops.slice(8, 11)).toEqual(['OP1(h)', 'OP1(i)', 'OP1(j)']);
    expect(ops.slice(-3)).toEqual(['OP2(h)', 'OP2(h)(i)', 'OP2(h)(ii)']);
  });

  it('follows tracked changes, character and list styles, numbering overrides and entities in the XML', async () => {
    const styles = [
      '<w:style w:type="character" w:styleId="Emphasis"><w:rPr><w:i/></w:rPr></w:style>',
      '<w:style w:type="paragraph" w:styleId="OpList"><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>',
      '<w:style w:type="paragraph" w:styleId="SubList"><w:basedOn w:val="OpList"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>',
    ].join('');
    const numbering = [
      '<w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>',
      '<w:num w:numId="7"><w:abstractNumId w:val="3"/><w:lvlOverride w:ilvl="1"><w:lvl w:ilvl="1"><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl></w:lvlOverride></w:num>',
    ].join('');
    const bytes = await rawDocx({
      styles,
      numbering,
      body: [
        p(['The Economic and Social Council,']),
        p([['Mindful', '<w:rStyle w:val="Emphasis"/>'], ' of the Secretary-General&#8217;s report &amp; its annex,']),
        `<w:p><w:pPr><w:pStyle w:val="OpList"/></w:pPr><w:r><w:t>Decides to </w:t></w:r><w:del w:id="1" w:author="EU"><w:r><w:delText>hold </w:delText></w:r></w:del><w:ins w:id="2" w:author="G77"><w:r><w:t>convene </w:t></w:r></w:ins><w:r><w:t>a meeting:</w:t></w:r></w:p>`,
        p(['on prevention;'], '<w:pStyle w:val="SubList"/>'),
        p(['on cooperation.'], '<w:pStyle w:val="SubList"/>'),
        p(['Not numbered, despite the list style,'], '<w:pStyle w:val="OpList"/><w:numPr><w:numId w:val="0"/></w:numPr>'),
      ].join(''),
    });
    const { doc, preview } = await read(bytes);
    expect(body(preview.paragraphs)).toEqual([
      'pp PP1: Mindful of the Secretary-General’s report & its annex,',
      'op OP1: Decides to convene a meeting:',
      'op OP1(a): on prevention;',
      'op OP1(b): on cooperation.',
      'op OP2: Not numbered, despite the list style,',
    ]);
    expect(inlineOf(doc, 'preamble', 1)[0]).toEqual({ type: 'text', text: 'Mindful', marks: [{ type: 'em' }] });
    expect(preview.problems).toEqual([
      { line: 0, text: '', reason: 'no title was found; type it in the heading' },
      { line: 6, text: 'Not numbered, despite the list style,', reason: 'kept as an operative paragraph, but it is not numbered and does not begin with a verb' },
    ]);
  });

  it('lists what it could not place instead of failing', async () => {
    const text = [
      'A/C.3/79/L.12',
      '* Reissued for technical reasons on 3 November 2026.',
      'Brazil: draft resolution',
      'Combating intolerance',
      'The General Assembly,',
      'Recalling its resolution 78/12,',
      'The State of the world remains a concern,',
      '(a) a sub-paragraph with nothing above it;',
      '1. Decides to remain seized of the matter.',
      '2/3',
      'Annex',
    ].join('\n');
    const { doc, preview } = await read(Buffer.from(text), 'draft.txt');
    expect(preview.problems.map(({ line, reason }) => `${line}: ${reason}`)).toEqual([
      '2: not recognised as a heading line, the sponsors line or the title; left out',
      '7: kept as a preambular paragraph, but it does not begin with a participle or adjective',
      '8: a sub-paragraph deeper than the paragraph above it allows; moved up',
      '10: left out: it looks like a page header or footer',
      '11: kept as an operative paragraph, but it is not numbered and does not begin with a verb',
    ]);
    expect(preview.title).toBe('Combating intolerance');
    expect(body(preview.paragraphs)).toEqual([
      'pp PP1: Recalling its resolution 78/12,',
      'pp PP2: The State of the world remains a concern,',
      'op OP1: a sub-paragraph with nothing above it;',
      'op OP2: Decides to remain seized of the matter.',
      'op OP3: Annex',
    ]);
    expect(doc.type).toBe('doc');
  });

  it('builds a valid document even from a text with no formula and no operative part', async () => {
    const { doc, preview } = await read(Buffer.from('Some notes from the meeting\nRecalling the discussion,'), 'notes.txt');
    expect(preview.title).toBe('Some notes from the meeting');
    expect(preview.problems.map((x) => x.reason)).toEqual([
      'no operative paragraph was found; an empty one was added',
      'no enacting formula ("The General Assembly,") came before this paragraph; add one',
    ]);
    expect(doc.content!.map((node) => node.type)).toEqual(['heading', 'sponsors', 'title', 'preamble', 'operative']);
  });
});
