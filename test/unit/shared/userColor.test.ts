import { safeColor, USER_COLORS, userColor } from '../../../shared/userColor';

describe('userColor', () => {
  it('gives the same person the same colour everywhere, from the palette', () => {
    expect(userColor('user-1')).toBe(userColor('user-1'));
    expect(USER_COLORS).toContain(userColor('user-1'));
  });

  it('spreads people over the palette', () => {
    const colours = new Set(Array.from({ length: 40 }, (_, i) => userColor(`user-${i}`)));
    expect(colours.size).toBeGreaterThan(6);
  });
});

describe('safeColor', () => {
  it('accepts only #rrggbb from other clients', () => {
    expect(safeColor('#1f5fbf')).toBe('#1f5fbf');
    expect(safeColor('red; background: url(x)')).toBe('#6b7280');
    expect(safeColor(undefined, '#000000')).toBe('#000000');
  });
});
