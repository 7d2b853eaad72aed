import JSZip from 'jszip';
import { DEFAULT_IMPORT_MAX_BYTES } from '../../../shared/draftImport';
import { requestJson } from '../../helpers/http';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { uploadFile, type UploadedFileSpec } from '../../helpers/upload';
import { wordNumberedDraft } from '../../unit/documents/draftFixtures';

const DOCUMENT_XML = 'word/document.xml';

/** A .docx with `document.xml` replaced (the rest of a real Word file around it). */
async function docxWithDocument(xml: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await wordNumberedDraft());
  zip.file(DOCUMENT_XML, xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Rewrites the uncompressed size the central directory declares for one entry: a bomb that lies about itself. */
function understateInDirectory(zip: Buffer, name: string, declared: number): Buffer {
  const patched = Buffer.from(zip);
  for (let at = patched.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])); at > 0; at--) {
    if (patched.readUInt32LE(at) !== 0x02014b50) continue;
    const nameLength = patched.readUInt16LE(at + 28);
    if (patched.toString('utf8', at + 46, at + 46 + nameLength) === name) patched.writeUInt32LE(declared, at + 24);
  }
  return patched;
}

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>`;

describe('attack: bad files sent to the draft import', () => {
  let server: TestServer;
  let negotiationId: string;
  let chair: string;
  let draftsBefore: number;

  beforeAll(async () => {
    server = await startTestServer();
    chair = (await server.login('chair')).token;
    negotiationId = (await server.store.drafts.get(await server.demoDraftId()))!.negotiationId;
    draftsBefore = (await server.store.drafts.list()).length;
  });
  afterAll(() => server.stop());

  /** Sends the file for creation (not preview); every refusal is a JSON 4xx, nothing is created, the server still answers. */
  async function refused(file: UploadedFileSpec | null, status: number, error: RegExp) {
    const answer = await uploadFile<{ error: string }>(`${server.url}/api/negotiations/${negotiationId}/drafts/import`, chair, file);
    expect(answer.contentType).toMatch(/application\/json/);
    expect({ status: answer.status, error: answer.body.error }).toEqual({ status, error: expect.stringMatching(error) });
    expect((await server.store.drafts.list()).length).toBe(draftsBefore);
    expect((await requestJson(`${server.url}/api/negotiations`, { token: chair })).status).toBe(200);
  }

  it('refuses a file that is not a zip though it is named .docx', async () => {
    await refused({ bytes: Buffer.from('This is not a Word file at all.'), name: 'draft.docx' }, 415, /not a Word \.docx document/);
  });

  it('refuses an old binary .doc and a file of another kind', async () => {
    await refused({ bytes: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), name: 'draft.doc' }, 415, /old Word \.doc/);
    await refused({ bytes: Buffer.from('%PDF-1.7'), name: 'draft.pdf' }, 415, /\.docx file or a plain-text \.txt/);
  });

  it('refuses a zip that is not a Word document, and a damaged zip', async () => {
    const zip = new JSZip().file('hello.txt', 'hello');
    await refused({ bytes: await zip.generateAsync({ type: 'nodebuffer' }), name: 'draft.docx' }, 415, /no word\/document\.xml/);
    const truncated = (await wordNumberedDraft()).subarray(0, 2000);
    await refused({ bytes: truncated, name: 'draft.docx' }, 422, /damaged/);
  });

  it('refuses a zip bomb by the sizes its directory declares, before inflating it', async () => {
    const zip = new JSZip().file(DOCUMENT_XML, Buffer.alloc(60 * 1024 * 1024, 0x20));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    expect(bomb.length).toBeLessThan(200 * 1024);
    await refused({ bytes: bomb, name: 'bomb.docx' }, 422, /zip bomb/);
  });

  it('refuses a zip bomb whose directory lies about its size, while inflating it', async () => {
    const xml = `<w:document xmlns:w="x"><w:body>${'<w:p><w:r><w:t>Recalling</w:t></w:r></w:p>'.repeat(20_000)}</w:body></w:document>`;
    const zip = await JSZip.loadAsync(await wordNumberedDraft());
    zip.file(DOCUMENT_XML, xml);
    const honest = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    await refused({ bytes: understateInDirectory(honest, DOCUMENT_XML, 4096), name: 'liar.docx' }, 422, /expands beyond what its directory declares/);
  });

  it('refuses DTDs and entities in document.xml (billion laughs) without expanding them', async () => {
    await refused({ bytes: await docxWithDocument(BILLION_LAUGHS), name: 'laughs.docx' }, 422, /DOCTYPE or entities/);
    const external = '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="x"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>';
    await refused({ bytes: await docxWithDocument(external), name: 'xxe.docx' }, 422, /DOCTYPE or entities/);
  });

  it('refuses document.xml that is not well-formed', async () => {
    await refused({ bytes: await docxWithDocument('<w:document xmlns:w="x"><w:body><w:p></w:body>'), name: 'broken.docx' }, 422, /not well-formed XML/);
  });

  it(`refuses a file over the documented ${DEFAULT_IMPORT_MAX_BYTES / (1024 * 1024)} MB with 413`, async () => {
    await refused({ bytes: Buffer.alloc(DEFAULT_IMPORT_MAX_BYTES + 1, 0x41), name: 'big.txt' }, 413, /larger than 10 MB/);
    // A body that declares more than the limit is refused before it is read.
    await refused({ bytes: Buffer.alloc(3 * DEFAULT_IMPORT_MAX_BYTES, 0x41), name: 'huge.txt' }, 413, /larger than 10 MB/);
  });

  it('refuses a text file that is not UTF-8 or UTF-16', async () => {
    const latin1 = Buffer.from('The Commission on Crime Prevention and Criminal Justice,\nRecalling the Déclaration,\n', 'latin1');
    await refused({ bytes: latin1, name: 'draft.txt' }, 415, /not UTF-8 or UTF-16/);
    const utf16WithoutMark = Buffer.from('The General Assembly,\n1. Decides to remain seized.', 'utf16le');
    await refused({ bytes: utf16WithoutMark, name: 'draft.txt' }, 415, /not UTF-8 or UTF-16/);
  });

  it('refuses an empty file, a file with no text, and a request without a file', async () => {
    await refused({ bytes: Buffer.alloc(0), name: 'empty.docx' }, 400, /empty/);
    await refused({ bytes: Buffer.from('\r\n  \n'), name: 'blank.txt' }, 422, /no text/);
    await refused(null, 400, /field "file"/);
  });
});
