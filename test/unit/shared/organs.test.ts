import { blankResolution } from '../../../shared/draftTemplate';
import { organFor } from '../../../shared/organs';
import { CreateDraftRequest } from '../../../shared/validation/requests';

describe('the organ of a new draft', () => {
  it('heads the template for the organ chosen', () => {
    const outline = blankResolution('Rights of the child', 'A/C.3/81/L.5', organFor('ga-third', ''));
    expect(outline).toMatchObject({ organ: 'General Assembly', session: 'Eighty-first session', agendaItem: 'Third Committee, agenda item', formula: 'The General Assembly,' });
  });

  it('takes the organ the symbol names when none is chosen, the CCPCJ otherwise', () => {
    expect(organFor(undefined, 'A/C.3/81/L.5').id).toBe('ga-third');
    expect(organFor(undefined, 'a/hrc/62/l.1').id).toBe('hrc');
    expect(organFor(undefined, 'A/81/L.12').id).toBe('ga');
    expect(organFor(undefined, 'E/CN.7/2026/L.2').id).toBe('cnd');
    expect(organFor(undefined, '').id).toBe('ccpcj');
    expect(blankResolution('T', '').formula).toBe('The Commission on Crime Prevention and Criminal Justice,');
  });

  it('refuses an organ it does not know', () => {
    expect(CreateDraftRequest.safeParse({ title: 'T', organ: 'security-council' }).success).toBe(false);
  });
});
