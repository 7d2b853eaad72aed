import { compileDraft, compiledText, type CompilationView, type CompiledDraft } from '../../../shared/compilation';
import { pointAnchor, rangeAnchor } from '../../../shared/proposalAnchors';
import type { ProposalView } from '../../../shared/proposals';
import { idOf, liveDraft, ops, proposal, replicaOf, sync, textOf } from './proposalFixture';

const PP = 'Recalling its resolution 70/1,';
const OPS = ['Strongly urges Member States to take extreme measures;', 'Calls upon all States to cooperate;', 'Decides to remain seized of the matter.'];
const COMPILATION: CompilationView = { kind: 'compilation' };

function setUp() {
  const doc = liveDraft({ preambular: [PP], operative: ops(...OPS) });
  const [op1, op2, op3] = OPS.map((text) => idOf(doc, text.slice(0, 10)));
  const pp = idOf(doc, 'Recalling');
  const labels = new Map([[pp, 'PP1'], [op1, 'OP1'], [op2, 'OP2'], [op3, 'OP3']]);
  /** A range on `words` in a paragraph, made by `delegation`. */
  const on = (paragraphId: string, words: string, fields: Partial<ProposalView> & Pick<ProposalView, 'kind'>, occurrence = 0) => {
    const text = textOf(doc, paragraphId);
    let start = -1;
    for (let i = 0; i <= occurrence; i++) start = text.toString().indexOf(words, start + 1);
    return proposal({ paragraphId, anchor: rangeAnchor(text, start, start + words.length, paragraphId), ...fields });
  };
  const at = (paragraphId: string, before: string, fields: Partial<ProposalView>) =>
    proposal({ kind: 'insert', paragraphId, anchor: pointAnchor(textOf(doc, paragraphId), textOf(doc, paragraphId).toString().indexOf(before), paragraphId), ...fields });
  return { doc, pp, op1, op2, op3, labels, on, at };
}

/** Each paragraph of a compiled draft as the room reads it, from the preamble's first PP on. */
function lines(draft: CompiledDraft): string[] {
  const first = draft.paragraphs.findIndex((p) => p.type === 'preambular_paragraph');
  return draft.paragraphs.slice(first).map(compiledText);
}

describe('compileDraft', () => {
  it('prints a delete with its objectors: [extreme – US delete; G77 retain]', () => {
    const { doc, op1, labels, on } = setUp();
    const deletion = on(op1, 'extreme', { kind: 'delete', delegation: 'US', objectors: ['G77'] });
    const draft = compileDraft(doc, [deletion], labels, COMPILATION);
    expect(lines(draft)).toEqual([PP, 'Strongly urges Member States to take [extreme – US delete; G77 retain] measures;', OPS[1], OPS[2]]);
    const op = draft.paragraphs.find((p) => p.id === op1)!;
    expect(op).toMatchObject({ type: 'operative_paragraph', level: 0, label: 'OP1' });
    expect(op.segments[1]).toEqual({ kind: 'bracket', text: 'extreme', notes: 'US delete; G77 retain', proposalIds: [deletion.id] });
  });

  it('prints a replacement and a delete with supporters: [urges – EU: encourages] and [all – US, Japan delete]', () => {
    const { doc, op1, op2, labels, on } = setUp();
    const replace = on(op1, 'urges', { kind: 'replace', delegation: 'EU', text: 'encourages' });
    const deletion = on(op2, 'all ', { kind: 'delete', delegation: 'US', supporters: ['Japan'] });
    expect(lines(compileDraft(doc, [replace, deletion], labels, COMPILATION)).slice(1, 3)).toEqual([
      'Strongly [urges – EU: encourages] Member States to take extreme measures;',
      'Calls upon [all  – US, Japan delete]States to cooperate;',
    ]);
  });

  it('prints several proposals on the same words in one bracket: [text – EU, CARICOM; US delete]', () => {
    const { doc, op2, labels, on } = setUp();
    const later = on(op2, 'to cooperate', { kind: 'delete', delegation: 'US' });
    const bracket = on(op2, 'to cooperate', { kind: 'bracket', delegation: 'EU', supporters: ['CARICOM'], createdAt: '2026-01-01T00:00:00.000Z' });
    expect(compiledText(compileDraft(doc, [later, bracket], labels, COMPILATION).paragraphs.find((p) => p.id === op2)!)).toBe(
      'Calls upon all States [to cooperate – EU, CARICOM; US delete];',
    );
  });

  it('merges overlapping ranges into one bracket and quotes the words of the smaller ones', () => {
    const { doc, op1, labels, on } = setUp();
    const bracket = on(op1, 'take extreme measures', { kind: 'bracket', delegation: 'Russian Federation' });
    const deletion = on(op1, 'extreme', { kind: 'delete', delegation: 'US', objectors: ['G77', 'China'] });
    const replace = on(op1, 'measures', { kind: 'replace', delegation: 'EU', text: 'steps' });
    const compiled = compileDraft(doc, [bracket, deletion, replace], labels, COMPILATION).paragraphs.find((p) => p.id === op1)!;
    expect(compiledText(compiled)).toBe(
      'Strongly urges Member States to [take extreme measures – Russian Federation; US delete “extreme”; EU: “measures” → steps; G77, China retain “extreme”];',
    );
    expect(compiled.segments.at(-2)).toMatchObject({ kind: 'bracket', proposalIds: [bracket.id, deletion.id, replace.id] });
  });

  it('prints an insert at its point: [fully – Norway], after the bracket when the point is inside one', () => {
    const { doc, op1, op2, labels, on, at } = setUp();
    const insert = at(op2, 'to cooperate', { delegation: 'Norway', supporters: ['Iceland'], text: 'fully ' });
    const inside = at(op1, 'treme', { delegation: 'Mexico', text: 'X' });
    const deletion = on(op1, 'extreme', { kind: 'delete', delegation: 'US' });
    const draft = compileDraft(doc, [insert, inside, deletion], labels, COMPILATION);
    expect(lines(draft).slice(1, 3)).toEqual([
      'Strongly urges Member States to take [extreme – US delete][X – Mexico] measures;',
      'Calls upon all States [fully – Norway, Iceland] to cooperate;',
    ]);
    // The space typed after the words stands outside the bracket, where it falls in the text.
    expect(draft.paragraphs.find((p) => p.id === op2)!.segments.slice(1, 3)).toEqual([
      { kind: 'addition', text: 'fully', notes: 'Norway, Iceland', proposalIds: [insert.id] },
      { kind: 'text', text: ' ', marks: [] },
    ]);
  });

  it('prints alternatives as blocks under their paragraph: OP2 alt [… – G77]', () => {
    const { doc, op2, labels } = setUp();
    const alt = proposal({ kind: 'alternative', paragraphId: op2, delegation: 'G77', text: 'Invites States to cooperate;' });
    expect(lines(compileDraft(doc, [alt], labels, COMPILATION)).slice(2, 4)).toEqual([OPS[1], 'OP2 alt [Invites States to cooperate; – G77]']);
    const second = proposal({ kind: 'alternative', paragraphId: op2, delegation: 'EU', supporters: ['Norway'], text: 'Encourages States to cooperate;' });
    const draft = compileDraft(doc, [alt, second], labels, COMPILATION);
    expect(lines(draft).slice(3, 5)).toEqual(['OP2 alt 1 [Invites States to cooperate; – G77]', 'OP2 alt 2 [Encourages States to cooperate; – EU, Norway]']);
    expect(draft.paragraphs[draft.paragraphs.length - 2]).toMatchObject({ id: null, type: 'operative_paragraph', label: 'OP2 alt 2', proposalId: second.id });
  });

  it('prints new paragraphs after their place with the next Latin suffix: OP2bis [… – Norway]', () => {
    const { doc, pp, op2, op3, labels } = setUp();
    const newOp = proposal({ kind: 'new_paragraph', paragraphId: op2, paragraphType: 'operative_paragraph', level: 1, delegation: 'Norway', text: 'in the field of prevention;' });
    const another = proposal({ kind: 'new_paragraph', paragraphId: op2, paragraphType: 'operative_paragraph', level: 0, delegation: 'Chile', text: 'Requests a report;' });
    const newPp = proposal({ kind: 'new_paragraph', paragraphId: pp, paragraphType: 'preambular_paragraph', delegation: 'EU', text: 'Noting with concern,' });
    const draft = compileDraft(doc, [newOp, another, newPp], labels, COMPILATION);
    expect(lines(draft)).toEqual([PP, 'PP1bis [Noting with concern, – EU]', OPS[0], OPS[1], 'OP2bis [in the field of prevention; – Norway]', 'OP2ter [Requests a report; – Chile]', OPS[2]]);
    expect(draft.paragraphs.find((p) => p.proposalId === newOp.id)).toMatchObject({ type: 'operative_paragraph', level: 1, label: 'OP2bis' });
    // The text already has an OP2bis (inserted this round): the proposal is the next one.
    const withBis = new Map([...labels, [op3, 'OP2bis']]);
    expect(lines(compileDraft(doc, [newOp], withBis, COMPILATION))[3]).toBe('OP2ter [in the field of prevention; – Norway]');
    const afterQuater = new Map([...labels, [op2, 'OP1quater']]);
    expect(lines(compileDraft(doc, [newOp], afterQuater, COMPILATION))[3]).toBe('OP1quinquies [in the field of prevention; – Norway]');
  });

  it('labels blocks after the paragraphs as the round names them: OP5 alt [… – G77], OP7bis [… – Norway]', () => {
    const { doc, op2, op3 } = setUp();
    const labels = new Map([[op2, 'OP5'], [op3, 'OP7']]);
    const alt = proposal({ kind: 'alternative', paragraphId: op2, delegation: 'G77', text: 'Invites all States to cooperate;' });
    const added = proposal({ kind: 'new_paragraph', paragraphId: op3, paragraphType: 'operative_paragraph', delegation: 'Norway', text: 'Requests a report.' });
    expect(lines(compileDraft(doc, [added, alt], labels, COMPILATION)).slice(3)).toEqual([
      'OP5 alt [Invites all States to cooperate; – G77]',
      OPS[2],
      'OP7bis [Requests a report. – Norway]',
    ]);
  });

  it('shows nothing pending in the clean view, and only the proposals a delegation made or supports in its view', () => {
    const { doc, op1, op2, labels, on } = setUp();
    const us = on(op1, 'extreme', { kind: 'delete', delegation: 'US', objectors: ['G77'] });
    const eu = on(op1, 'urges', { kind: 'replace', delegation: 'EU', supporters: ['US'], text: 'encourages' });
    const g77 = proposal({ kind: 'alternative', paragraphId: op2, delegation: 'G77', text: 'Invites States;' });
    const withdrawn = { ...on(op1, 'Member', { kind: 'delete', delegation: 'US' }), status: 'withdrawn' as const };
    const all = [us, eu, g77, withdrawn];
    expect(lines(compileDraft(doc, all, labels, { kind: 'clean' }))).toEqual([PP, ...OPS]);
    expect(lines(compileDraft(doc, all, labels, { kind: 'delegation', delegation: 'US' })).slice(1)).toEqual([
      'Strongly [urges – EU, US: encourages] Member States to take [extreme – US delete; G77 retain] measures;',
      OPS[1],
      OPS[2],
    ]);
    expect(lines(compileDraft(doc, all, labels, { kind: 'delegation', delegation: 'G77' })).slice(1)).toEqual([OPS[0], OPS[1], 'OP2 alt [Invites States; – G77]', OPS[2]]);
  });

  it('includes the heading lines with their node types and keeps marks on plain text', () => {
    const { doc, op1, labels } = setUp();
    textOf(doc, op1).format(0, 14, { em: {} });
    const draft = compileDraft(doc, [], labels, { kind: 'clean' });
    expect(draft.paragraphs.map((p) => p.type)).toEqual([
      'symbol', 'organ', 'session', 'agenda_item', 'sponsors', 'title', 'formula', 'preambular_paragraph', 'operative_paragraph', 'operative_paragraph', 'operative_paragraph',
    ]);
    expect(draft.paragraphs[5]).toMatchObject({ type: 'title', label: null, segments: [{ kind: 'text', text: 'A test draft', marks: [] }] });
    expect(draft.paragraphs.find((p) => p.id === op1)!.segments).toEqual([
      { kind: 'text', text: 'Strongly urges', marks: ['em'] },
      { kind: 'text', text: ' Member States to take extreme measures;', marks: [] },
    ]);
  });

  it('follows proposals through others\' edits and leaves out those whose words are gone', () => {
    const { doc, op1, labels, on } = setUp();
    const browser = replicaOf(doc);
    const deletion = on(op1, 'extreme', { kind: 'delete', delegation: 'US' });
    const gone = on(op1, 'Strongly ', { kind: 'delete', delegation: 'EU' });
    textOf(browser, op1).delete(0, 9);
    textOf(browser, op1).insert(textOf(browser, op1).toString().indexOf('extreme'), 'very ');
    textOf(doc, op1).insert(textOf(doc, op1).toString().indexOf(' measures'), ' and urgent');
    sync(doc, browser);
    for (const replica of [doc, browser]) {
      expect(lines(compileDraft(replica, [deletion, gone], labels, COMPILATION))[1]).toBe('urges Member States to take very [extreme – US delete] and urgent measures;');
    }
  });
});
