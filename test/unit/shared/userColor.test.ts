import { distinctColors, safeColor, USER_COLORS, userColor } from '../../../shared/userColor';

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

describe('distinctColors', () => {
  const ids = Array.from({ length: 40 }, (_, i) => `user-${i}`);
  const clashing = (() => {
    for (const a of ids) for (const b of ids) if (a < b && userColor(a) === userColor(b)) return [a, b];
    throw new Error('no two ids share a colour');
  })();

  it('gives people present together different colours, though their own colours clash', () => {
    const colors = distinctColors(clashing);
    expect(colors.get(clashing[0])).not.toBe(colors.get(clashing[1]));
    expect(new Set(distinctColors(ids.slice(0, USER_COLORS.length)).values()).size).toBe(USER_COLORS.length);
  });

  it('gives the same colours for the same people in any order, and keeps a colour nobody else wants', () => {
    expect(distinctColors([...clashing].reverse())).toEqual(distinctColors(clashing));
    expect(distinctColors(['user-1']).get('user-1')).toBe(userColor('user-1'));
  });
});
