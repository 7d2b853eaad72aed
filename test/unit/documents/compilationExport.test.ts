import * as Y from 'yjs';
import { compileDraft } from '../../../shared/compilation';
import { rangeAnchor } from '../../../shared/proposalAnchors';
import { writeDocx } from '../../../server/documents/docxWriter';
import { readCompilation } from '../../../server/documents/readCompilation';
import { findParagraph } from '../../helpers/anchors';
import { makeProposal } from '../../helpers/proposalRecords';
import { docxParts, draftYDoc, wordParagraphs, wordText } from './exportFixture';

describe('the compilation in Word', () => {
  const doc = draftYDoc();
  afterAll(() => doc.destroy());

  it('brackets the words under pending proposals with their notes, and shows alternatives unnumbered under their labels', async () => {
    const pp3 = findParagraph(doc, 'Deeply concerned');
    const op1 = findParagraph(doc, 'Urges');
    const ids = { pp3: String(pp3.getAttribute('id')), op1: String(op1.getAttribute('id')) };
    const proposals = [
      makeProposal('d1', { kind: 'delete', delegation: 'US', paragraphId: ids.pp3, anchor: rangeAnchor(pp3.get(0) as Y.XmlText, 0, 'Deeply concerned'.length, ids.pp3), text: null }),
      makeProposal('d1', { kind: 'alternative', delegation: 'G77', paragraphId: ids.op1, anchor: null, text: 'Invites Member States to consider ratifying the Convention;' }),
    ];
    const labels = new Map([[ids.pp3, 'PP3'], [ids.op1, 'OP1']]);
    const model = readCompilation(compileDraft(doc, proposals, labels, { kind: 'compilation' }), '2026-12-01T12:00:00.000Z');
    const { document } = await docxParts(await writeDocx(model));
    const paragraphs = wordParagraphs(document);
    const pp = paragraphs.find((p) => wordText(p).startsWith('[Deeply'))!;
    expect(wordText(pp)).toMatch(/^\[Deeply concerned – US delete\] that traffickers/);
    expect(pp).toMatch(/<w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">US delete<\/w:t>/);
    const alternative = paragraphs.find((p) => wordText(p).startsWith('OP1 alt'))!;
    expect(wordText(alternative)).toBe('OP1 alt [Invites Member States to consider ratifying the Convention; – G77]');
    expect(alternative).not.toContain('<w:numPr>');
    // The text's own operative paragraphs keep their numbering: 13 of them, the alternative not counted.
    expect(paragraphs.filter((p) => p.includes('<w:numPr>'))).toHaveLength(13);
  });
});
