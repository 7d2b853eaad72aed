/** @jest-environment jsdom */
import { compiledPaper } from '../../../client/proposals/compiledPaper';
import type { CompiledDraft, CompiledParagraph } from '../../../shared/compilation';

const text = (value: string, marks: string[] = []) => ({ kind: 'text' as const, text: value, marks });
const line = (type: string, value: string, extra: Partial<CompiledParagraph> = {}): CompiledParagraph => ({
  id: `${type}-id`,
  type,
  level: 0,
  label: null,
  segments: [text(value)],
  ...extra,
});

const draft: CompiledDraft = {
  paragraphs: [
    line('symbol', 'E/CN.15/2026/L.4'),
    line('organ', 'Commission on Crime Prevention and Criminal Justice'),
    line('session', 'Thirty-fifth session'),
    line('agenda_item', 'Agenda item 6'),
    line('sponsors', 'Austria: draft resolution'),
    line('title', 'Countering trafficking in persons'),
    line('formula', 'The Commission on Crime Prevention and Criminal Justice,'),
    line('preambular_paragraph', 'Recalling its resolution 25/2,', { id: 'pp1', label: 'PP1' }),
    {
      id: 'op1',
      type: 'operative_paragraph',
      level: 0,
      label: 'OP1',
      segments: [
        text('Urges '),
        { kind: 'bracket', text: 'all', notes: 'US delete; G77 retain', proposalIds: ['p1'] },
        text(' Member States to act '),
        { kind: 'addition', text: 'fully', notes: 'Norway', proposalIds: ['p2'] },
        text(' and '),
        text('now', ['strong', 'em']),
        text(';'),
      ],
    },
    { id: 'op1a', type: 'operative_paragraph', level: 1, label: 'OP1(a)', segments: [text('by training;')] },
    { id: null, type: 'operative_paragraph', level: 0, label: 'OP1 alt', proposalId: 'p3', segments: [{ kind: 'addition', text: 'Encourages States;', notes: 'G77', proposalIds: ['p3'] }] },
    { id: null, type: 'operative_paragraph', level: 0, label: 'OP1bis', proposalId: 'p4', segments: [{ kind: 'addition', text: 'Decides to remain seized.', notes: 'Japan', proposalIds: ['p4'] }] },
  ],
};

describe('compiledPaper', () => {
  const paper = compiledPaper(draft, new Map([['op1', '1.'], ['op1a', '(a)']]));

  it('lays the draft out as the UN does, with the classes of the editor and print view', () => {
    expect(paper.classList.contains('resolution')).toBe(true);
    expect(paper.querySelector('header.heading .symbol')?.textContent).toBe('E/CN.15/2026/L.4');
    expect(paper.querySelector('header.heading .agenda-item')?.textContent).toBe('Agenda item 6');
    expect(paper.querySelector('h1.title')?.textContent).toBe('Countering trafficking in persons');
    expect(paper.querySelector('section.preamble .formula')).not.toBeNull();
    const pp = paper.querySelector<HTMLElement>('section.preamble .pp')!;
    expect([pp.dataset.label, pp.querySelector('.lead-words')?.textContent]).toEqual(['PP1', 'Recalling']);
    const op = paper.querySelector<HTMLElement>('section.operative .op[data-id="op1"]')!;
    expect([op.dataset.label, op.dataset.num, op.querySelector('.lead-words')?.textContent]).toEqual(['OP1', '1.', 'Urges']);
    const sub = paper.querySelector<HTMLElement>('.op[data-id="op1a"]')!;
    expect([sub.dataset.num, sub.style.getPropertyValue('--depth'), sub.querySelector('.lead-words')]).toEqual(['(a)', '1', null]);
  });

  it('writes pending proposals in the room notation: brackets with their notes, additions underlined', () => {
    const op = paper.querySelector<HTMLElement>('.op[data-id="op1"]')!;
    expect(op.textContent).toBe('Urges [all – US delete; G77 retain] Member States to act [fully – Norway] and now;');
    const bracket = op.querySelector<HTMLElement>('.compiled-bracket')!;
    expect([bracket.dataset.proposalIds, bracket.querySelector('.compiled-note')?.textContent]).toEqual(['p1', ' – US delete; G77 retain']);
    expect(op.querySelector('.compiled-addition ins')?.textContent).toBe('fully');
    expect(op.querySelector('strong > em, em > strong')?.textContent).toBe('now');
  });

  it('labels alternatives and new paragraphs in the text, where the margin cannot', () => {
    const alt = paper.querySelector<HTMLElement>('[data-proposal-id="p3"]')!;
    expect(alt.textContent).toBe('OP1 alt [Encourages States; – G77]');
    expect([alt.dataset.label, alt.dataset.num, alt.classList.contains('compiled-proposal')]).toEqual([undefined, undefined, true]);
    expect(paper.querySelector('[data-proposal-id="p4"]')?.textContent).toBe('OP1bis [Decides to remain seized. – Japan]');
  });

  it('puts text in as text, never as markup', () => {
    const hostile = compiledPaper({ paragraphs: [line('preambular_paragraph', '<img src=x onerror=alert(1)>', { label: 'PP1' })] }, new Map());
    expect(hostile.querySelector('img')).toBeNull();
    expect(hostile.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});
