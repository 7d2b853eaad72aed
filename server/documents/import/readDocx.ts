import { DocumentParagraphs } from './documentParagraphs';
import { ImportError } from './importError';
import type { ImportLimits } from './importLimits';
import { NumberingDefinitions } from './numberingDefinitions';
import { readZipParts } from './readZipParts';
import type { SourceParagraph } from './sourceParagraph';
import { StyleSheet } from './styleSheet';
import { parseXmlPart } from './xmlPart';

const DOCUMENT = 'word/document.xml';
const NUMBERING = 'word/numbering.xml';
const STYLES = 'word/styles.xml';

/** The paragraphs of a .docx: runs with their marks, and Word's list numbering resolved through numbering.xml and styles.xml. */
export async function readDocx(file: Buffer, limits: ImportLimits): Promise<Omit<SourceParagraph, 'line'>[]> {
  const parts = await readZipParts(file, [DOCUMENT, NUMBERING, STYLES], limits);
  const document = parts.get(DOCUMENT);
  if (document === undefined) throw new ImportError(415, 'the file is a zip archive but not a Word document (it has no word/document.xml)');
  const parse = (name: string) => {
    const xml = parts.get(name);
    return xml === undefined ? [] : parseXmlPart(xml, name);
  };
  const reader = new DocumentParagraphs(new StyleSheet(parse(STYLES)), new NumberingDefinitions(parse(NUMBERING)));
  return reader.read(parseXmlPart(document, DOCUMENT));
}
