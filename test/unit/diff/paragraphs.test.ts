import { extractParagraphs } from '../../../shared/diff';
import { draft, para } from './draftFixture';

describe('extractParagraphs', () => {
  it('lists every paragraph in order with its reference, printed number and plain text', () => {
    const doc = draft({
      pps: [para('pp-1', [{ text: 'Recalling', marks: ['em'] }, { text: ' its resolution 72/1,' }])],
      ops: [para('op-1', 'Calls upon States:'), para('op-a', 'To cooperate;', 1), para('op-2', 'Decides.')],
    });
    expect(extractParagraphs(doc)).toEqual([
      { id: 'h-symbol', type: 'symbol', level: 0, reference: 'Symbol', printed: '', text: 'E/CN.15/2018/L.4' },
      { id: 'h-organ', type: 'organ', level: 0, reference: 'Organ', printed: '', text: 'Commission on Crime Prevention and Criminal Justice' },
      { id: 'h-session', type: 'session', level: 0, reference: 'Session', printed: '', text: 'Twenty-seventh session, Vienna, 14–18 May 2018' },
      { id: 'h-agenda', type: 'agenda_item', level: 0, reference: 'Agenda item', printed: '', text: 'Agenda item 6' },
      { id: 'h-sponsors', type: 'sponsors', level: 0, reference: 'Sponsors', printed: '', text: 'Belarus, Kazakhstan: draft resolution' },
      { id: 'h-title', type: 'title', level: 0, reference: 'Title', printed: '', text: 'Countering trafficking in persons' },
      { id: 'h-formula', type: 'formula', level: 0, reference: 'Formula', printed: '', text: 'The General Assembly,' },
      { id: 'pp-1', type: 'preambular_paragraph', level: 0, reference: 'PP1', printed: '', text: 'Recalling its resolution 72/1,' },
      { id: 'op-1', type: 'operative_paragraph', level: 0, reference: 'OP1', printed: '1.', text: 'Calls upon States:' },
      { id: 'op-a', type: 'operative_paragraph', level: 1, reference: 'OP1(a)', printed: '(a)', text: 'To cooperate;' },
      { id: 'op-2', type: 'operative_paragraph', level: 0, reference: 'OP2', printed: '2.', text: 'Decides.' },
    ]);
  });

  it('treats an empty id as no id', () => {
    const doc = draft({ ops: [para('', 'Decides.')] });
    expect(extractParagraphs(doc).at(-1)?.id).toBeNull();
  });
});
