import { takeStance } from '../../../server/domain/proposals/proposalStance';

describe('takeStance', () => {
  const proposal = { delegation: 'European Union', supporters: ['Nigeria'], objectors: ['United States'] };

  it('adds a supporter or objector, moves a delegation between the lists, and takes it out of both on abstaining', () => {
    expect(takeStance(proposal, 'Belarus', 'support')).toEqual({ supporters: ['Nigeria', 'Belarus'], objectors: ['United States'] });
    expect(takeStance(proposal, 'Nigeria', 'object')).toEqual({ supporters: [], objectors: ['United States', 'Nigeria'] });
    expect(takeStance(proposal, 'United States', 'support')).toEqual({ supporters: ['Nigeria', 'United States'], objectors: [] });
    expect(takeStance(proposal, 'United States', 'abstain')).toEqual({ supporters: ['Nigeria'], objectors: [] });
  });

  it('refuses the proposer, and a stance the delegation already has', () => {
    expect(() => takeStance(proposal, 'European Union', 'support')).toThrow('your delegation made this proposal');
    expect(() => takeStance(proposal, 'European Union', 'object')).toThrow('your delegation made this proposal');
    expect(() => takeStance(proposal, 'Nigeria', 'support')).toThrow('your delegation already supports this proposal');
    expect(() => takeStance(proposal, 'United States', 'object')).toThrow('your delegation already objects to this proposal');
    expect(() => takeStance(proposal, 'Belarus', 'abstain')).toThrow('your delegation has taken no position on this proposal');
  });
});
