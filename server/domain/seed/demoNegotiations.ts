import type { DraftOutline } from '../../../shared/draftTemplate';
import type { Role } from '../../../shared/roles';
import { DEMO_CYBERCRIME_DRAFT } from './demoCybercrimeDraft';
import { DEMO_DRAFT } from './demoDraft';

export interface DemoMember {
  username: string;
  role: Role;
  delegation: string;
}

export interface DemoNegotiation {
  name: string;
  body: string;
  startsOn: string;
  endsOn: string;
  draft: DraftOutline;
  members: DemoMember[];
}

const delegate = (username: string, delegation: string): DemoMember => ({ username, role: 'delegate', delegation });

/** Two negotiations with overlapping membership and different chairs, so the separation is visible. */
export const DEMO_NEGOTIATIONS: DemoNegotiation[] = [
  {
    name: 'CCPCJ 35th session, Committee of the Whole',
    body: 'Commission on Crime Prevention and Criminal Justice',
    startsOn: '2026-05-18',
    endsOn: '2026-05-22',
    draft: DEMO_DRAFT,
    members: [
      { username: 'chair', role: 'facilitator', delegation: 'Facilitator' },
      delegate('kazakhstan', 'Kazakhstan'),
      delegate('belarus', 'Belarus'),
      delegate('eu', 'European Union'),
      delegate('usa', 'United States'),
      delegate('philippines', 'Philippines'),
      delegate('nigeria', 'Nigeria'),
      { username: 'secretariat', role: 'observer', delegation: 'Secretariat' },
    ],
  },
  {
    name: 'Ad Hoc Committee on Cybercrime Cooperation, 2nd session',
    body: 'Ad Hoc Committee on Cybercrime Cooperation',
    startsOn: '2026-06-08',
    endsOn: '2026-06-19',
    draft: DEMO_CYBERCRIME_DRAFT,
    members: [
      { username: 'chair2', role: 'facilitator', delegation: 'Facilitator' },
      delegate('eu', 'European Union'),
      delegate('usa', 'United States'),
      delegate('nigeria', 'Nigeria'),
      delegate('brazil', 'Brazil'),
    ],
  },
];
