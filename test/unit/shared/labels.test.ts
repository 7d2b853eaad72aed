import { blankResolution, outlineToDoc } from '../../../shared/draftTemplate';
import { labelParagraphs, latinSuffix, type LabelInput } from '../../../shared/labels';
import { numberParagraphs } from '../../../shared/numbering';
import { resolutionSchema } from '../../../shared/schema';
import { pick, seededRandom } from '../../helpers/seededRandom';

type JsonNode = { type: string; attrs?: Record<string, unknown>; content?: JsonNode[]; text?: string };

/**
 * A draft numbered by the real numbering, written as "pp A", "op B", "op1 C" (a sub-paragraph
 * of level 1): each paragraph's text is its id, so tests name paragraphs by their ids.
 */
function draft(...paragraphs: string[]): LabelInput[] {
  const parsed = paragraphs.map((spec) => {
    const [kind, id] = spec.split(' ');
    return { kind, level: Number(kind.slice(2) || 0), id };
  });
  const json = outlineToDoc({
    ...blankResolution('Labels', 'E/CN.15/2026/L.9'),
    preambular: parsed.filter((p) => p.kind === 'pp').map((p) => p.id),
    operative: parsed.filter((p) => p.kind !== 'pp').map((p) => ({ text: p.id, level: p.level })),
  }) as JsonNode;
  const useTextAsId = (node: JsonNode): void => {
    if (node.type.endsWith('_paragraph')) node.attrs = { ...node.attrs, id: node.content?.[0]?.text };
    node.content?.forEach(useTextAsId);
  };
  useTextAsId(json);
  const doc = resolutionSchema.nodeFromJSON(json);
  doc.check();
  return numberParagraphs(doc).map(({ id, kind, level, reference }) => ({ id: id!, kind, level, reference }));
}

/** Labels in document order, as "id=label". */
function labelled(base: LabelInput[], current: LabelInput[]): string[] {
  const labels = labelParagraphs(base, current);
  return current.map((p) => `${p.id}=${labels.get(p.id)}`);
}

const base = draft('pp A', 'pp B', 'pp C', 'op D', 'op1 E', 'op1 F', 'op G');

describe('labelParagraphs', () => {
  it('gives the base text its clean references', () => {
    expect(labelled(base, base)).toEqual(['A=PP1', 'B=PP2', 'C=PP3', 'D=OP1', 'E=OP1(a)', 'F=OP1(b)', 'G=OP2']);
  });

  it('names paragraphs inserted after a base paragraph bis, ter, quater, leaving the others alone', () => {
    const current = draft('pp A', 'pp B', 'pp x', 'pp y', 'pp z', 'pp C', 'op D', 'op1 E', 'op1 F', 'op G', 'op w');
    expect(labelled(base, current)).toEqual([
      'A=PP1', 'B=PP2', 'x=PP2bis', 'y=PP2ter', 'z=PP2quater', 'C=PP3', 'D=OP1', 'E=OP1(a)', 'F=OP1(b)', 'G=OP2', 'w=OP2bis',
    ]);
  });

  it('keeps the base labels when paragraphs are deleted: the deleted one leaves a gap', () => {
    const current = draft('pp A', 'pp C', 'op D', 'op1 F', 'op G');
    expect(labelled(base, current)).toEqual(['A=PP1', 'C=PP3', 'D=OP1', 'F=OP1(b)', 'G=OP2']);
  });

  it('anchors an insert after a deletion on the base paragraph still before it', () => {
    const current = draft('pp A', 'pp x', 'pp C', 'op D', 'op G');
    expect(labelled(base, current)).toEqual(['A=PP1', 'x=PP1bis', 'C=PP3', 'D=OP1', 'G=OP2']);
  });

  it('labels inserts before the first paragraph PP0bis, PP0ter, OP0bis', () => {
    const current = draft('pp x', 'pp y', 'pp A', 'pp B', 'pp C', 'op v', 'op D', 'op1 E', 'op1 F', 'op G');
    expect(labelled(base, current)).toEqual([
      'x=PP0bis', 'y=PP0ter', 'A=PP1', 'B=PP2', 'C=PP3', 'v=OP0bis', 'D=OP1', 'E=OP1(a)', 'F=OP1(b)', 'G=OP2',
    ]);
  });

  it('keeps the label of a moved paragraph, and inserts follow the base paragraph now before them', () => {
    const current = draft('pp C', 'pp A', 'pp x', 'pp B', 'op G', 'op D', 'op1 E', 'op1 F');
    expect(labelled(base, current)).toEqual(['C=PP3', 'A=PP1', 'x=PP1bis', 'B=PP2', 'G=OP2', 'D=OP1', 'E=OP1(a)', 'F=OP1(b)']);
  });

  it('labels sub-paragraphs OP1(a)bis, and before the first (a) OP1(0)bis', () => {
    const current = draft('pp A', 'pp B', 'pp C', 'op D', 'op1 s', 'op1 E', 'op1 t', 'op1 u', 'op1 F', 'op G');
    expect(labelled(base, current)).toEqual([
      'A=PP1', 'B=PP2', 'C=PP3', 'D=OP1', 's=OP1(0)bis', 'E=OP1(a)', 't=OP1(a)bis', 'u=OP1(a)ter', 'F=OP1(b)', 'G=OP2',
    ]);
  });

  it('counts the new sub-paragraphs of a paragraph that had none, and of a new paragraph', () => {
    const current = draft('pp A', 'pp B', 'pp C', 'op D', 'op1 E', 'op1 F', 'op G', 'op1 s', 'op1 t', 'op2 u', 'op n', 'op1 m');
    expect(labelled(base, current)).toEqual([
      'A=PP1', 'B=PP2', 'C=PP3', 'D=OP1', 'E=OP1(a)', 'F=OP1(b)',
      'G=OP2', 's=OP2(a)', 't=OP2(b)', 'u=OP2(b)(i)', 'n=OP2bis', 'm=OP2bis(a)',
    ]);
  });

  it('counts the operative paragraphs of a base that had none, and the first round of a blank draft', () => {
    const blank = draft('op D');
    expect(labelled(blank, draft('pp x', 'pp y', 'op D', 'op w'))).toEqual(['x=PP1', 'y=PP2', 'D=OP1', 'w=OP1bis']);
  });

  it('treats a paragraph that changed level as new, so no label says what it no longer is', () => {
    // E was promoted from OP1(a) to an operative paragraph; F, still a sub-paragraph, moved under it.
    const current = draft('pp A', 'pp B', 'pp C', 'op D', 'op E', 'op1 F', 'op1 s', 'op G');
    expect(labelled(base, current)).toEqual(['A=PP1', 'B=PP2', 'C=PP3', 'D=OP1', 'E=OP1bis', 'F=OP1(b)', 's=OP1(b)bis', 'G=OP2']);
  });

  it('gives two concurrent inserts at the same place distinct labels in document order', () => {
    // Two replicas inserted x and y after PP2; once merged, Yjs puts them in one order everywhere.
    const merged = draft('pp A', 'pp B', 'pp y', 'pp x', 'pp C', 'op D', 'op1 E', 'op1 F', 'op G');
    const first = labelParagraphs(base, merged);
    expect([first.get('y'), first.get('x')]).toEqual(['PP2bis', 'PP2ter']);
    expect(labelParagraphs([...base], [...merged])).toEqual(first);
  });

  it('starts a new round from clean references: the base of the new round is the text as it stands', () => {
    const round1 = draft('pp A', 'pp x', 'pp B', 'op D', 'op1 s', 'op1 E', 'op G');
    expect(labelled(base, round1)).toEqual(['A=PP1', 'x=PP1bis', 'B=PP2', 'D=OP1', 's=OP1(0)bis', 'E=OP1(a)', 'G=OP2']);
    const afterRound = draft('pp A', 'pp x', 'pp B', 'pp y', 'op D', 'op1 s', 'op1 E', 'op G');
    expect(labelled(round1, afterRound)).toEqual(['A=PP1', 'x=PP2', 'B=PP3', 'y=PP3bis', 'D=OP1', 's=OP1(a)', 'E=OP1(b)', 'G=OP2']);
  });

  it('never gives two paragraphs the same label, however the text was edited', () => {
    const random = seededRandom(7);
    const kinds = ['pp', 'op', 'op1', 'op2'];
    for (let trial = 0; trial < 200; trial++) {
      const pool = [...base.map((p) => `${p.kind}${p.level || ''} ${p.id}`), ...Array.from({ length: 6 }, (_, i) => `${pick(random, kinds)} n${i}`)];
      const kept = pool.filter(() => random() < 0.8).sort(() => random() - 0.5);
      const pps = kept.filter((s) => s.startsWith('pp '));
      const opsInOrder = kept.filter((s) => s.startsWith('op'));
      if (opsInOrder.length === 0) continue;
      const current = draft(...pps, ...opsInOrder);
      const labels = [...labelParagraphs(base, current).values()];
      expect(new Set(labels).size).toBe(current.length);
    }
  });
});

describe('latinSuffix', () => {
  it('counts bis to vicies, then numbers', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 19, 20].map(latinSuffix)).toEqual([
      'bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'novies', 'decies', 'vicies', '-21',
    ]);
  });
});
