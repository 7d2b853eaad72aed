import { headingLineKind, headingLineParts } from '../../../server/documents/import/headingLine';
import { hasOperativeLead, hasPreambularLead } from '../../../server/documents/import/leadWords';

describe('headingLineKind', () => {
  it.each([
    ['A/C.3/79/L.12', 'symbol'],
    ['E/CN.15/2026/L.4/Rev.1', 'symbol'],
    ['Distr.: Limited', 'masthead'],
    ['Distr.: General', 'masthead'],
    ['18 May 2026', 'masthead'],
    ['Original: English', 'masthead'],
    ['United Nations', 'masthead'],
    ['General Assembly', 'organ'],
    ['Commission on Crime Prevention and Criminal Justice', 'organ'],
    ['Ad Hoc Committee on Cybercrime Cooperation', 'organ'],
    ['Seventy-ninth session', 'session'],
    ['Thirty-fifth session, Vienna, 18–22 May 2026', 'session'],
    ['Vienna, 18–22 May 2026', 'place-and-date'],
    ['Agenda item 71 (b)', 'agenda_item'],
    ['Item 6 of the provisional agenda', 'agenda_item'],
    ['Brazil, Canada and Japan: draft resolution', 'sponsors'],
    ['Belarus and Kazakhstan: revised draft resolution', 'sponsors'],
    ['The General Assembly,', 'formula'],
    ['The Commission on Crime Prevention and Criminal Justice,', 'formula'],
    ['Countering trafficking in persons facilitated by information and communication technologies', 'other'],
    ['* Reissued for technical reasons on 3 November 2026.', 'other'],
  ])('%s is %s', (line, kind) => {
    expect(headingLineKind(line)).toBe(kind);
  });
});

describe('headingLineParts', () => {
  it('splits the masthead row set on one line into "United Nations" and the symbol', () => {
    expect(headingLineParts('United Nations E/CN.15/2026/L.4')).toEqual(['United Nations', 'E/CN.15/2026/L.4']);
    expect(headingLineParts('Nations Unies A/C.3/79/L.12')).toEqual(['Nations Unies', 'A/C.3/79/L.12']);
  });

  it('leaves other lines whole', () => {
    expect(headingLineParts('United Nations Office on Drugs and Crime')).toEqual(['United Nations Office on Drugs and Crime']);
    expect(headingLineParts('United Nations Convention')).toEqual(['United Nations Convention']);
    expect(headingLineParts('E/CN.15/2026/L.4')).toEqual(['E/CN.15/2026/L.4']);
  });
});

describe('lead words', () => {
  it.each(['Recalling', 'Noting with concern', 'Deeply concerned', 'Further recalling', 'Mindful of', 'Bearing in mind', 'Having considered', 'Convinced'])(
    '"%s" opens a preambular paragraph',
    (text) => {
      expect(hasPreambularLead(`${text} the report,`)).toBe(true);
      expect(hasOperativeLead(`${text} the report,`)).toBe(false);
    },
  );
  it.each(['Urges', 'Also requests', 'Strongly encourages', 'Decides', 'Calls upon', 'Takes note'])('"%s" opens an operative paragraph', (text) => {
    expect(hasOperativeLead(`${text} the Secretariat;`)).toBe(true);
    expect(hasPreambularLead(`${text} the Secretariat;`)).toBe(false);
  });
});
