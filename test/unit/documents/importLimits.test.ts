import JSZip from 'jszip';
import { importDraft } from '../../../server/documents/import/importDraft';
import { ImportError } from '../../../server/documents/import/importError';
import { DEFAULT_IMPORT_LIMITS } from '../../../server/documents/import/importLimits';
import { readZipParts } from '../../../server/documents/import/readZipParts';
import { readZipDirectory } from '../../../server/documents/import/zipDirectory';

async function zipOf(files: Record<string, string | Buffer>, level = 6): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level } });
}

const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: ImportError) => ({ status: error.status, message: error.message }));

describe('import limits: the zip', () => {
  it('reads the central directory without inflating anything', async () => {
    const zip = await zipOf({ 'word/document.xml': '<w:document/>', 'a/b.txt': 'x'.repeat(5000) });
    expect(readZipDirectory(zip, 10).filter((entry) => !entry.name.endsWith('/'))).toEqual([
      { name: 'word/document.xml', compressedSize: expect.any(Number), uncompressedSize: 13 },
      { name: 'a/b.txt', compressedSize: expect.any(Number), uncompressedSize: 5000 },
    ]);
  });

  it('refuses too many entries before opening the zip', async () => {
    const files = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}.xml`, '<x/>']));
    expect(await refusal(readZipParts(await zipOf(files), ['f0.xml'], { ...DEFAULT_IMPORT_LIMITS, maxZipEntries: 20 }))).toEqual({
      status: 422,
      message: 'the .docx file has 30 entries; at most 20 are accepted',
    });
  });

  it('refuses a total expansion over the limit though no entry is suspicious on its own', async () => {
    const random = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 251));
    const zip = await zipOf({ 'word/document.xml': random, 'word/styles.xml': random });
    expect(await refusal(readZipParts(zip, ['word/document.xml'], { ...DEFAULT_IMPORT_LIMITS, maxUncompressedBytes: 500_000 }))).toEqual({
      status: 422,
      message: 'the .docx file expands to more than 0.5 MB; refused',
    });
  });

  it('reads only the parts asked for, and leaves absent ones out', async () => {
    const zip = await zipOf({ 'word/document.xml': '<w:document/>', 'word/media/image1.png': 'not read' });
    const parts = await readZipParts(zip, ['word/document.xml', 'word/numbering.xml'], DEFAULT_IMPORT_LIMITS);
    expect([...parts]).toEqual([['word/document.xml', '<w:document/>']]);
  });
});

describe('import limits: the text', () => {
  it('refuses more text than a draft can hold, and more paragraphs', async () => {
    const long = Buffer.from(`The General Assembly,\n1. Decides ${'that '.repeat(20)};\n`.repeat(40));
    expect(await refusal(importDraft({ bytes: long, name: 'long.txt' }, { ...DEFAULT_IMPORT_LIMITS, maxTextCharacters: 2000 }))).toEqual({
      status: 422,
      message: 'the file has 5320 characters of text; at most 2000 are accepted',
    });
    expect(await refusal(importDraft({ bytes: long, name: 'long.txt' }, { ...DEFAULT_IMPORT_LIMITS, maxParagraphs: 50 }))).toEqual({
      status: 422,
      message: 'the file has 80 paragraphs; at most 50 are accepted',
    });
  });
});
