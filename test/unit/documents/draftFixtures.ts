import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import JSZip from 'jszip';

/** A line of a fixture: plain text, or runs where `_x_` marks italics and `*x*` bold. */
function runs(text: string): TextRun[] {
  return text
    .split(/(_[^_]+_|\*[^*]+\*)/)
    .filter(Boolean)
    .map((part) =>
      part.startsWith('_') ? new TextRun({ text: part.slice(1, -1), italics: true }) : part.startsWith('*') ? new TextRun({ text: part.slice(1, -1), bold: true }) : new TextRun(part),
    );
}

const line = (text: string) => new Paragraph({ children: runs(text) });

/** The UN masthead as Word templates lay it out: a table, organ left and symbol right. */
function masthead(organ: string, symbol: string, date: string): Table {
  const cell = (...lines: string[]) => new TableCell({ children: lines.map(line), width: { size: 50, type: WidthType.PERCENTAGE } });
  return new Table({
    rows: [
      new TableRow({ children: [cell('United Nations'), cell(symbol)] }),
      new TableRow({ children: [cell(organ), cell('Distr.: Limited', date, 'Original: English')] }),
    ],
  });
}

/**
 * A General Assembly Third Committee draft with Word's own list numbering for the operative
 * part: 1., (a), (i) come from numbering.xml, none of them is typed.
 */
export async function wordNumberedDraft(): Promise<Buffer> {
  const op = (text: string, level = 0) => new Paragraph({ children: runs(text), numbering: { reference: 'operative', level } });
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'operative',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
            { level: 1, format: LevelFormat.LOWER_LETTER, text: '(%2)', alignment: AlignmentType.START },
            { level: 2, format: LevelFormat.LOWER_ROMAN, text: '(%3)', alignment: AlignmentType.START },
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          masthead('General Assembly', 'A/C.3/79/L.12', '14 October 2026'),
          line('Seventy-ninth session'),
          line('Third Committee'),
          line('Agenda item 71 (b)'),
          line('Promotion and protection of human rights: human rights questions'),
          line('Brazil, Canada and Japan: draft resolution'),
          new Paragraph({ children: [new TextRun({ text: 'The right to privacy in the digital age', bold: true })], alignment: AlignmentType.CENTER }),
          line('_The General Assembly_,'),
          line('_Reaffirming_ the purposes and principles of the Charter of the United Nations,'),
          line('_Deeply concerned_ at the negative impact that surveillance may have on the exercise of human rights,'),
          op('_Calls upon_ all States:'),
          op('To respect and protect the right to privacy, including in the context of digital communication;', 1),
          op('To review their procedures, practices and legislation regarding:', 1),
          op('the surveillance of communications;', 2),
          op('the collection of personal data;', 2),
          op('_Requests_ the Secretary-General to report to the General Assembly at its eighty-first session.'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** The same kind of draft typed by hand: numbers typed as text, a masthead in plain paragraphs. */
export async function typedNumbersDraft(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          'Economic and Social Council',
          'E/CN.15/2026/L.4',
          'Distr.: Limited',
          '20 May 2026',
          'Original: English',
          'Commission on Crime Prevention and Criminal Justice',
          'Thirty-fifth session',
          'Vienna, 18–22 May 2026',
          'Item 6 of the provisional agenda',
          'Use and application of United Nations standards and norms in crime prevention and criminal justice',
          'Belarus, Kazakhstan and Philippines: draft resolution',
          'Countering trafficking in persons facilitated by information and communication technologies',
          'The Commission on Crime Prevention and Criminal Justice,',
          '_Recalling_ General Assembly resolution 55/25 of 15 November 2000,',
          '_Noting with concern_ the growing use of online platforms by traffickers,',
          '1.\t_Urges_ Member States to strengthen international cooperation;',
          '2.\t_Encourages_ Member States:',
          '(a)\tto share information on *emerging* trends;',
          '(b)\tto train law enforcement officials, in particular:',
          '(i)\tinvestigators;',
          '(ii)\tprosecutors;',
          '(c)\tto cooperate with the private sector;',
          '3.\t_Requests_ the United Nations Office on Drugs and Crime to report to the Commission at its thirty-sixth session.',
        ].map(line),
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** A plain-text zero draft as someone e-mails it. */
export const PLAIN_TEXT_DRAFT = [
  'E/CN.15/2026/L.7',
  'Commission on Crime Prevention and Criminal Justice',
  'Thirty-fifth session',
  'Agenda item 5',
  'Nigeria: draft resolution',
  'Preventing and combating illicit trafficking in cultural property',
  '',
  'The Commission on Crime Prevention and Criminal Justice,',
  'Recognizing the importance of protecting cultural property,',
  'Bearing in mind the International Guidelines for Crime Prevention and Criminal Justice Responses,',
  '1. Invites Member States to review their legislation;',
  '2. Requests the Secretariat to continue its work.',
  '',
].join('\r\n');

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A .docx written part by part, for OOXML the `docx` package does not write (tracked changes, style numbering). */
export async function rawDocx(parts: { body: string; numbering?: string; styles?: string }): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${parts.body}</w:body></w:document>`);
  if (parts.numbering) zip.file('word/numbering.xml', `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}>${parts.numbering}</w:numbering>`);
  if (parts.styles) zip.file('word/styles.xml', `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}>${parts.styles}</w:styles>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** `<w:p>` with runs: `[text, rPr]` pairs or plain strings, and optional paragraph properties. */
export function p(runsXml: Array<string | [string, string]>, pPr = ''): string {
  const run = (r: string | [string, string]) => (typeof r === 'string' ? `<w:r><w:t xml:space="preserve">${r}</w:t></w:r>` : `<w:r><w:rPr>${r[1]}</w:rPr><w:t xml:space="preserve">${r[0]}</w:t></w:r>`);
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runsXml.map(run).join('')}</w:p>`;
}
