import { draftKindOf, sponsorsLine } from '../../../shared/sponsors';

describe('the sponsors line of the heading', () => {
  it('lists the main sponsors as delegations read them, then the co-sponsors', () => {
    expect(sponsorsLine(['Kazakhstan'], [], 'draft resolution')).toBe('Kazakhstan: draft resolution');
    expect(sponsorsLine(['Belarus', 'Kazakhstan', 'Nigeria'], [], 'draft resolution')).toBe('Belarus, Kazakhstan and Nigeria: draft resolution');
    expect(sponsorsLine(['Kazakhstan', 'Philippines'], ['Nigeria'], 'draft decision')).toBe('Kazakhstan and Philippines: draft decision; co-sponsors: Nigeria');
    expect(sponsorsLine([], [], 'draft resolution')).toBe('Draft resolution');
  });

  it('keeps the kind of text the line announced', () => {
    expect(draftKindOf('Brazil, European Union and Nigeria: draft decision')).toBe('draft decision');
    expect(draftKindOf('Kazakhstan: draft resolution; co-sponsors: Nigeria')).toBe('draft resolution');
    expect(draftKindOf('')).toBe('draft resolution');
  });
});
