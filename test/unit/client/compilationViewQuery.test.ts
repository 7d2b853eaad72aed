import { parseViewQuery, viewName, viewQueryValue } from '../../../client/proposals/compilationViewQuery';

describe('the print view’s ?view=', () => {
  it.each([
    ['compilation', { kind: 'compilation' }, 'Compilation text'],
    ['clean', { kind: 'clean' }, 'Clean text'],
    ['delegation:European Union', { kind: 'delegation', delegation: 'European Union' }, 'Proposals of European Union'],
  ])('%s reads as a view and back', (value, view, name) => {
    expect(parseViewQuery(value)).toEqual(view);
    expect(viewQueryValue(parseViewQuery(value))).toBe(value);
    expect(viewName(parseViewQuery(value))).toBe(name);
  });

  it.each([null, '', 'delegation:', 'everything', 'Compilation'])('%p is the current text', (value) => {
    expect(parseViewQuery(value)).toBeNull();
    expect(viewName(parseViewQuery(value))).toBe('Current text');
  });
});
