import { plainText } from '../../../shared/plainText';
import { draft, para } from './draftFixture';

describe('plainText', () => {
  it('renders the draft in UN layout with printed numbers and indented sub-paragraphs', () => {
    const doc = draft({
      pps: [para('pp-1', [{ text: 'Recalling', marks: ['em'] }, { text: ' its resolution 72/1,' }]), para('pp-empty', '')],
      ops: [
        para('op-1', 'Calls upon Member States:'),
        para('op-a', 'To cooperate;', 1),
        para('op-a-i', 'In particular at the regional level;', 2),
        para('op-b', 'To report;', 1),
        para('op-2', ''),
        para('op-3', 'Decides to remain seized of the matter.'),
      ],
    });
    expect(plainText(doc)).toBe(
      [
        'E/CN.15/2018/L.4',
        'Commission on Crime Prevention and Criminal Justice',
        'Twenty-seventh session, Vienna, 14–18 May 2018',
        'Agenda item 6',
        '',
        'Belarus, Kazakhstan: draft resolution',
        '',
        'Countering trafficking in persons',
        '',
        'The General Assembly,',
        '',
        'Recalling its resolution 72/1,',
        '',
        '1. Calls upon Member States:',
        '',
        '    (a) To cooperate;',
        '',
        '        (i) In particular at the regional level;',
        '',
        '    (b) To report;',
        '',
        '2.',
        '',
        '3. Decides to remain seized of the matter.',
        '',
      ].join('\n'),
    );
  });

  it('prints a lone operative paragraph without a number', () => {
    expect(plainText(draft({ ops: [para('op-1', 'Decides.')] })).endsWith('\n\nDecides.\n')).toBe(true);
  });
});
