import type { DraftOutline } from '../../../shared/draftTemplate';

/** The second negotiation's draft, written for this product (not an adopted text). */
export const DEMO_CYBERCRIME_DRAFT: DraftOutline = {
  symbol: 'A/AC.301/2026/L.2',
  organ: 'Ad Hoc Committee on Cybercrime Cooperation',
  session: 'Second session, New York, 8–19 June 2026',
  agendaItem: 'Item 3 of the provisional agenda: International cooperation in the collection of electronic evidence',
  sponsors: 'Brazil, European Union and Nigeria: draft decision',
  title: 'Cooperation between central authorities in urgent requests for electronic evidence',
  formula: 'The Ad Hoc Committee,',
  preambular: [
    'Recognizing that electronic evidence of serious crime is often held in another jurisdiction and may be lost if it is not preserved quickly,',
    'Mindful of the need to respect human rights, due process and the protection of personal data in all forms of cooperation,',
  ],
  operative: [
    { text: 'Encourages States to designate a point of contact available at all times for urgent requests for the preservation of electronic evidence;' },
    { text: 'Invites States to share, on a voluntary basis, information on their procedures and the time they take to answer such requests;' },
    { text: 'Requests the secretariat to prepare, for its next session, a compilation of good practices in this regard.' },
  ],
};
