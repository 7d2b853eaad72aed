import { restoredName } from '../../../shared/restoredName';

describe('restoredName', () => {
  it('says "Restored" once, however often a version was restored', () => {
    expect(restoredName('Rev.1')).toBe('Restored Rev.1');
    expect(restoredName('Restored Rev.1')).toBe('Restored Rev.1');
    expect(restoredName('Restored Restored Rev.1')).toBe('Restored Rev.1');
  });
});
