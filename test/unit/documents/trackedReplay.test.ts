import * as Y from 'yjs';
import { writeDocx } from '../../../server/documents/docxWriter';
import type { DraftModel, ModelParagraph } from '../../../server/documents/draftModel';
import { TrackedReplay } from '../../../server/documents/trackedReplay';
import type { Author, ReplayedUpdate } from '../../../server/domain/versions/attributionReplay';
import { findParagraph } from '../../helpers/anchors';
import { docxParts, draftYDoc } from './exportFixture';

const AUTHORS = new Map<string, Author>([
  ['u-kz', { delegation: 'Kazakhstan', displayName: 'Kazakhstan delegate' }],
  ['u-by', { delegation: 'Belarus', displayName: 'Belarus delegate' }],
  ['u-ng', { delegation: 'Nigeria', displayName: 'Nigeria delegate' }],
]);

/** A delegation's replica: what it changes is logged under its user, and the others receive it. */
class Replica {
  readonly doc = new Y.Doc();

  constructor(baseState: Uint8Array, clientId: number, private readonly log: ReplayedUpdate[]) {
    this.doc.clientID = clientId;
    Y.applyUpdate(this.doc, baseState);
  }

  /** Catches up with the log, then makes `edit` and logs it as `authorId`'s update. */
  change(authorId: string, at: string, edit: (doc: Y.Doc) => void): void {
    this.log.forEach(({ update }) => Y.applyUpdate(this.doc, update));
    const caughtUp = Y.encodeStateVector(this.doc);
    edit(this.doc);
    this.log.push({ update: Y.encodeStateAsUpdate(this.doc, caughtUp), authorId, at });
  }
}

const text = (doc: Y.Doc, prefix: string) => findParagraph(doc, prefix).get(0) as Y.XmlText;

function replay(baseState: Uint8Array, log: ReplayedUpdate[]): DraftModel {
  const tracked = new TrackedReplay(baseState, (id) => AUTHORS.get(id));
  try {
    log.forEach((entry) => tracked.apply(entry));
    return tracked.result(new Map(), '2026-12-01T12:00:00.000Z');
  } finally {
    tracked.destroy();
  }
}

const summary = (paragraph: ModelParagraph) => paragraph.runs.map((run) => [run.text, run.change ? `${run.change.kind} ${run.change.author}` : '']);
const starting = (model: DraftModel, start: string) => model.paragraphs.find((p) => p.runs.map((r) => r.text).join('').startsWith(start))!;

describe('tracked changes from the replayed log', () => {
  const base = draftYDoc();
  const baseState = Y.encodeStateAsUpdate(base);
  const log: ReplayedUpdate[] = [];
  const kazakhstan = new Replica(baseState, 20, log);
  const belarus = new Replica(baseState, 30, log);
  kazakhstan.change('u-kz', '2026-12-01T10:00:00.000Z', (doc) => {
    text(doc, 'Recalling').insert('Recalling '.length, 'also ');
    text(doc, 'Urges').insert('Urges '.length, 'strongly ');
  });
  belarus.change('u-by', '2026-12-01T10:05:00.000Z', (doc) => {
    text(doc, 'Deeply concerned').delete(0, 'Deeply '.length);
    // Takes back part of Kazakhstan's insertion: typed and removed in the range, it is not shown.
    text(doc, 'Urges').delete('Urges '.length, 'strongly '.length);
    const last = findParagraph(doc, 'Also requests the United');
    (last.parent as Y.XmlElement).delete((last.parent as Y.XmlElement).toArray().indexOf(last), 1);
  });
  kazakhstan.change('u-kz', '2026-12-01T10:10:00.000Z', (doc) => {
    const operative = findParagraph(doc, 'Urges').parent as Y.XmlElement;
    const added = new Y.XmlElement('operative_paragraph');
    added.setAttribute('id', 'p-new');
    added.setAttribute('level', 0 as unknown as string);
    added.insert(0, [new Y.XmlText('Decides to consider the question at its next session.')]);
    operative.push([added]);
  });
  afterAll(() => [base, kazakhstan.doc, belarus.doc].forEach((doc) => doc.destroy()));

  it('attributes each inserted and deleted run to the delegation whose update made it', () => {
    const model = replay(baseState, log);
    expect(summary(starting(model, 'Recalling')).slice(0, 3)).toEqual([['Recalling ', ''], ['also ', 'insert Kazakhstan'], [expect.stringMatching(/^the United Nations/), '']]);
    expect(summary(starting(model, 'Deeply'))[0]).toEqual(['Deeply ', 'delete Belarus']);
    expect(summary(starting(model, 'Urges'))).toEqual([[expect.stringMatching(/^Urges Member States/), '']]);
    const deleted = starting(model, 'Also requests the United');
    expect(deleted.change).toMatchObject({ kind: 'delete', author: 'Belarus', at: '2026-12-01T10:05:00.000Z' });
    expect(deleted.runs.every((run) => run.change?.kind === 'delete' && run.change.author === 'Belarus')).toBe(true);
    const added = starting(model, 'Decides to consider');
    expect(added.change).toMatchObject({ kind: 'insert', author: 'Kazakhstan' });
    expect(summary(added)).toEqual([['Decides to consider the question at its next session.', 'insert Kazakhstan']]);
  });

  it('splits text one Yjs client wrote for two delegations (the server writing on their behalf)', () => {
    const serverLog: ReplayedUpdate[] = [];
    const server = new Replica(baseState, 99, serverLog);
    server.change('u-kz', '2026-12-01T11:00:00.000Z', (doc) => text(doc, 'Reaffirming').insert('Reaffirming '.length, 'fully '));
    server.change('u-ng', '2026-12-01T11:01:00.000Z', (doc) => text(doc, 'Reaffirming').insert('Reaffirming fully '.length, 'and firmly '));
    const model = replay(baseState, serverLog);
    expect(summary(starting(model, 'Reaffirming')).slice(0, 3)).toEqual([['Reaffirming ', ''], ['fully ', 'insert Kazakhstan'], ['and firmly ', 'insert Nigeria']]);
    server.doc.destroy();
  });

  it('writes them as w:ins / w:del with the delegation as w:author', async () => {
    const { document } = await docxParts(await writeDocx(replay(baseState, log)));
    expect(document).toMatch(/<w:ins w:id="\d+" w:author="Kazakhstan" w:date="2026-12-01T10:00:00.000Z"><w:r>(<w:rPr>.*?<\/w:rPr>)?<w:t xml:space="preserve">also<\/w:t><\/w:r><\/w:ins>/);
    expect(document).toMatch(/<w:del w:id="\d+" w:author="Belarus" w:date="2026-12-01T10:05:00.000Z"><w:r>(<w:rPr>.*?<\/w:rPr>)?<w:delText xml:space="preserve">Deeply <\/w:delText><\/w:r><\/w:del>/);
    // The deleted paragraph's mark is deleted too, so accepting leaves no empty paragraph.
    expect(document).toMatch(/<w:rPr><w:del w:id="\d+" w:author="Belarus"[^>]*\/><\/w:rPr>.*?<w:delText xml:space="preserve">Also requests the United/);
    const ids = [...document.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(document).not.toContain('strongly');
  });

  it('shows nothing as changed when the log is empty', () => {
    const model = replay(baseState, []);
    expect(model.paragraphs.every((p) => !p.change && p.runs.every((run) => !run.change))).toBe(true);
    expect(model.paragraphs.filter((p) => p.type === 'operative_paragraph').map((p) => p.level)).toEqual([0, 0, 1, 1, 1, 2, 2, 0, 0, 0, 0, 0, 0]);
  });
});
