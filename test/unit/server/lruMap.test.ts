import { LruMap } from '../../../server/lruMap';

describe('LruMap', () => {
  it('keeps the entries used last up to its capacity, a get counting as a use', () => {
    const map = new LruMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    expect(map.get('a')).toBe(1);
    map.set('c', 3);
    // b was the least recently used: gone; a and c kept.
    expect([map.get('b'), map.get('a'), map.get('c')]).toEqual([undefined, 1, 3]);
  });

  it('replaces a value without growing, and deletes on request', () => {
    const map = new LruMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    map.set('a', 10);
    map.set('c', 3);
    expect([map.get('a'), map.get('b'), map.get('c')]).toEqual([10, undefined, 3]);
    map.delete('a');
    expect(map.get('a')).toBeUndefined();
  });
});
