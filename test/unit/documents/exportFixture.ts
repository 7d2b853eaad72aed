import JSZip from 'jszip';
import { prosemirrorToYXmlFragment } from 'y-prosemirror';
import * as Y from 'yjs';
import { outlineToDoc, type DraftOutline } from '../../../shared/draftTemplate';
import { PROSEMIRROR_FRAGMENT, resolutionSchema } from '../../../shared/schema';
import { DEMO_DRAFT } from '../../../server/domain/seed/demoDraft';

/** The demo draft: 5 PPs, 8 OPs; OP2 has sub-paragraphs (a) to (c), and (c) has (i) and (ii). */
export const OUTLINE: DraftOutline = DEMO_DRAFT;

/** A Y.Doc holding `outline` as the editor would, written by Yjs client `clientId`. */
export function draftYDoc(outline: DraftOutline = OUTLINE, clientId = 1): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  prosemirrorToYXmlFragment(resolutionSchema.nodeFromJSON(outlineToDoc(outline)), doc.getXmlFragment(PROSEMIRROR_FRAGMENT));
  return doc;
}

/** The parts of a .docx, unzipped. */
export async function docxParts(buffer: Buffer): Promise<Record<'document' | 'numbering' | 'styles' | 'footer', string>> {
  const zip = await JSZip.loadAsync(buffer);
  const part = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`${name} is missing`);
    return file.async('string');
  };
  const footers = await Promise.all(Object.keys(zip.files).filter((name) => /^word\/footer\d+\.xml$/.test(name)).map(part));
  return { document: await part('word/document.xml'), numbering: await part('word/numbering.xml'), styles: await part('word/styles.xml'), footer: footers.join('') };
}

/** The <w:p> elements of a document part, in order. */
export function wordParagraphs(documentXml: string): string[] {
  return documentXml.match(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/g) ?? [];
}

/** The text of a <w:p>: its w:t (and w:delText) contents. */
export function wordText(paragraphXml: string): string {
  return [...paragraphXml.matchAll(/<w:(?:t|delText)(?: [^>]*)?>([^<]*)<\/w:(?:t|delText)>/g)].map((m) => m[1]).join('');
}
