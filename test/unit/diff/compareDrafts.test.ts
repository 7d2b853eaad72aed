import { compareDrafts, type ParagraphChange } from '../../../shared/diff';
import { draft, para, type DraftSpec } from './draftFixture';

const BASE: DraftSpec = {
  pps: [para('pp-a', 'Recalling its resolution 72/1,'), para('pp-b', 'Noting with concern the report,')],
  ops: [
    para('op-1', 'Urges Member States to cooperate;'),
    para('op-2', 'Requests the Secretary-General to report;'),
    para('op-3', 'Decides to remain seized of the matter.'),
  ],
};

/** The body paragraphs only: the heading lines stay the same in these tests. */
function body(changes: ParagraphChange[]): ParagraphChange[] {
  return changes.filter((change) => change.type === 'preambular_paragraph' || change.type === 'operative_paragraph');
}

/** A compact view: "kind id ref" with the from-reference where it differs. */
function outline(changes: ParagraphChange[]): string[] {
  return body(changes).map((change) => {
    const moved = 'moved' in change && change.moved ? ' moved' : '';
    if (change.kind === 'added') return `added ${change.id} ${change.reference}`;
    if (change.kind === 'deleted') return `deleted ${change.id} ${change.fromReference}`;
    const ref = change.fromReference === change.reference ? change.reference : `${change.fromReference}->${change.reference}`;
    return `${change.kind} ${change.id} ${ref}${moved}`;
  });
}

const find = (changes: ParagraphChange[], id: string) => changes.find((change) => change.id === id);

describe('compareDrafts', () => {
  it('reports no changes between identical drafts', () => {
    const result = compareDrafts(draft(BASE), draft(BASE));
    expect(result.paragraphs.every((change) => change.kind === 'unchanged')).toBe(true);
    expect(result.paragraphs.map((change) => change.type)).toEqual([
      'symbol', 'organ', 'session', 'agenda_item', 'sponsors', 'title', 'formula',
      'preambular_paragraph', 'preambular_paragraph',
      'operative_paragraph', 'operative_paragraph', 'operative_paragraph',
    ]);
    expect(result.summary).toEqual({ changed: 0, added: 0, deleted: 0, moved: 0, unchanged: 12 });
    expect(result.summaryText).toBe('No changes');
    expect(find(result.paragraphs, 'op-1')?.segments).toEqual([{ op: 'equal', text: 'Urges Member States to cooperate;' }]);
  });

  it('keeps a renumbered paragraph unchanged, with its old and new reference', () => {
    const to = draft({ ...BASE, ops: [para('op-new', 'Welcomes the report;'), ...BASE.ops] });
    const result = compareDrafts(draft(BASE), to);
    expect(outline(result.paragraphs)).toEqual([
      'unchanged pp-a PP1',
      'unchanged pp-b PP2',
      'added op-new OP1',
      'unchanged op-1 OP1->OP2',
      'unchanged op-2 OP2->OP3',
      'unchanged op-3 OP3->OP4',
    ]);
    expect(find(result.paragraphs, 'op-new')?.segments).toEqual([{ op: 'insert', text: 'Welcomes the report;' }]);
    expect(result.summaryText).toBe('1 paragraph added');
  });

  it('flags only the paragraph that moved, and can flag a moved paragraph as changed too', () => {
    const [op1, op2, op3] = BASE.ops;
    const to = draft({ ...BASE, ops: [op2, op3, { ...op1, text: 'Urges all Member States to cooperate;' }] });
    const result = compareDrafts(draft(BASE), to);
    expect(outline(result.paragraphs)).toEqual([
      'unchanged pp-a PP1',
      'unchanged pp-b PP2',
      'unchanged op-2 OP2->OP1',
      'unchanged op-3 OP3->OP2',
      'changed op-1 OP1->OP3 moved',
    ]);
    expect(result.summaryText).toBe('1 paragraph changed, 1 moved');
  });

  it('flags a moved but unchanged paragraph', () => {
    const [op1, op2, op3] = BASE.ops;
    const result = compareDrafts(draft(BASE), draft({ ...BASE, ops: [op3, op1, op2] }));
    expect(outline(result.paragraphs).slice(2)).toEqual([
      'unchanged op-3 OP3->OP1 moved',
      'unchanged op-1 OP1->OP2',
      'unchanged op-2 OP2->OP3',
    ]);
    expect(result.summary.moved).toBe(1);
    expect(result.summaryText).toBe('1 paragraph moved');
  });

  it('shows a split paragraph as the first half changed (tail deleted) and the second half added', () => {
    const to = draft({
      ...BASE,
      ops: [para('op-1', 'Urges Member States'), para('op-split', 'to cooperate;'), BASE.ops[1], BASE.ops[2]],
    });
    const result = compareDrafts(draft(BASE), to);
    expect(outline(result.paragraphs).slice(2, 4)).toEqual(['changed op-1 OP1', 'added op-split OP2']);
    expect(find(result.paragraphs, 'op-1')?.segments).toEqual([
      { op: 'equal', text: 'Urges Member States' },
      { op: 'delete', text: ' to cooperate;' },
    ]);
    expect(find(result.paragraphs, 'op-split')?.segments).toEqual([{ op: 'insert', text: 'to cooperate;' }]);
  });

  it('shows merged paragraphs as the first changed (text inserted) and the second deleted right after it', () => {
    const to = draft({ ...BASE, ops: [para('op-1', 'Urges Member States to cooperate; Requests the Secretary-General to report;'), BASE.ops[2]] });
    const result = compareDrafts(draft(BASE), to);
    expect(outline(result.paragraphs).slice(2)).toEqual([
      'changed op-1 OP1',
      'deleted op-2 OP2',
      'unchanged op-3 OP3->OP2',
    ]);
    expect(find(result.paragraphs, 'op-1')?.segments).toEqual([
      { op: 'equal', text: 'Urges Member States to cooperate;' },
      { op: 'insert', text: ' Requests the Secretary-General to report;' },
    ]);
    expect(find(result.paragraphs, 'op-2')?.segments).toEqual([
      { op: 'delete', text: 'Requests the Secretary-General to report;' },
    ]);
    expect(result.summaryText).toBe('1 paragraph changed, 1 deleted');
  });

  it('places deleted paragraphs after their nearest surviving predecessor, or first when none survives', () => {
    const to = draft({ pps: [BASE.pps![1]], ops: [para('op-x', 'Invites States;'), BASE.ops[0], BASE.ops[2]] });
    const result = compareDrafts(draft(BASE), to);
    expect(outline(result.paragraphs)).toEqual([
      'deleted pp-a PP1',
      'unchanged pp-b PP2->PP1',
      'added op-x OP1',
      'unchanged op-1 OP1->OP2',
      'deleted op-2 OP2',
      'unchanged op-3 OP3',
    ]);
    expect(result.summaryText).toBe('1 paragraph added, 2 deleted');
  });

  it('counts a sub-paragraph level change as a change', () => {
    const from = draft({ ops: [para('op-1', 'Calls upon States:'), para('op-a', 'To cooperate;', 1), para('op-i', 'In particular;', 2)] });
    const to = draft({ ops: [para('op-1', 'Calls upon States:'), para('op-a', 'To cooperate;', 1), para('op-i', 'In particular;', 1)] });
    const change = find(compareDrafts(from, to).paragraphs, 'op-i');
    expect(change).toMatchObject({
      kind: 'changed',
      levelChanged: true,
      fromLevel: 2,
      level: 1,
      fromReference: 'OP1(a)(i)',
      reference: 'OP1(b)',
      segments: [{ op: 'equal', text: 'In particular;' }],
    });
  });

  it('counts a paragraph turned from preambular into operative as changed', () => {
    const from = draft({ pps: [para('p', 'Decides to act,')], ops: [para('op-1', 'Urges;')] });
    const to = draft({ ops: [para('p', 'Decides to act,'), para('op-1', 'Urges;')] });
    expect(find(compareDrafts(from, to).paragraphs, 'p')).toMatchObject({
      kind: 'changed',
      typeChanged: true,
      fromType: 'preambular_paragraph',
      type: 'operative_paragraph',
      fromReference: 'PP1',
      reference: 'OP1',
    });
  });

  it('compares text without marks', () => {
    const from = draft({ ops: [para('op-1', 'Urges States;')] });
    const to = draft({ ops: [para('op-1', [{ text: 'Urges', marks: ['em'] }, { text: ' States;' }])] });
    expect(compareDrafts(from, to).summaryText).toBe('No changes');
  });

  it('handles empty paragraphs: added, deleted, unchanged and filled in', () => {
    const from = draft({ pps: [para('pp-empty', ''), para('pp-gone', '')], ops: [para('op-1', '')] });
    const to = draft({ pps: [para('pp-empty', ''), para('pp-new', '')], ops: [para('op-1', 'Urges;')] });
    const result = compareDrafts(from, to);
    expect(outline(result.paragraphs)).toEqual([
      'unchanged pp-empty PP1',
      'deleted pp-gone PP2',
      'added pp-new PP2',
      'changed op-1 OP1',
    ]);
    expect(body(result.paragraphs).map((change) => change.segments)).toEqual([
      [],
      [],
      [],
      [{ op: 'insert', text: 'Urges;' }],
    ]);
  });

  it('matches paragraphs without ids by type and position', () => {
    const from = draft({ pps: [para(null, 'Recalling,')], ops: [para(null, 'Urges;'), para(null, 'Decides.')] });
    const to = draft({ pps: [para(null, 'Recalling also,')], ops: [para(null, 'Urges;'), para(null, 'Decides.'), para(null, 'Invites.')] });
    expect(outline(compareDrafts(from, to).paragraphs)).toEqual([
      'changed null PP1',
      'unchanged null OP1',
      'unchanged null OP2',
      'added null OP3',
    ]);
  });

  it('matches the first occurrence of a duplicate id and treats the repeats as unmatched', () => {
    const from = draft({ ops: [para('dup', 'Urges;'), para('dup', 'Requests;')] });
    const to = draft({ ops: [para('dup', 'Urges;'), para('dup', 'Requests;'), para('dup', 'Decides.')] });
    expect(outline(compareDrafts(from, to).paragraphs)).toEqual([
      'unchanged dup OP1',
      'deleted dup OP2',
      'added dup OP2',
      'added dup OP3',
    ]);
  });

  it('reports changes to the heading lines under their names', () => {
    const result = compareDrafts(draft(BASE), draft({ ...BASE, symbol: 'E/CN.15/2018/L.4/Rev.1' }));
    expect(result.paragraphs[0]).toMatchObject({
      kind: 'changed',
      type: 'symbol',
      reference: 'Symbol',
      segments: [{ op: 'equal', text: 'E/CN.15/2018/L.4' }, { op: 'insert', text: '/Rev.1' }],
    });
  });

  it('summarises a mixed revision and survives a JSON round trip', () => {
    const [op1, op2, op3] = BASE.ops;
    const to = draft({
      pps: [para('pp-a', 'Recalling its resolutions 72/1 and 73/2,')],
      ops: [
        op3,
        { ...op1, text: 'Encourages Member States to cooperate;' },
        para('op-new', 'Invites donors to contribute;'),
        { ...op2, text: 'Requests the Secretary-General to report annually;' },
      ],
    });
    const result = compareDrafts(draft(BASE), to);
    expect(result.summary).toEqual({ changed: 3, added: 1, deleted: 1, moved: 1, unchanged: 8 });
    expect(result.summaryText).toBe('3 paragraphs changed, 1 added, 1 deleted, 1 moved');
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});
