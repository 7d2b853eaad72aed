import { Schema } from 'prosemirror-model';
import { schemaRules } from '../../../server/collab/schemaRules';
import { PARAGRAPH_TYPES, resolutionSchema } from '../../../shared/schema';

describe('schemaRules', () => {
  const rules = schemaRules(resolutionSchema);
  const element = (name: string) => rules.elements.get(name)!;

  it('reads which children each node may have from its content expression', () => {
    expect([...rules.root.children]).toEqual(['heading', 'sponsors', 'title', 'preamble', 'operative']);
    expect([...element('heading').children]).toEqual(['symbol', 'organ', 'session', 'agenda_item']);
    expect([...element('preamble').children]).toEqual(['formula', 'preambular_paragraph']);
    expect([...element('operative').children]).toEqual(['operative_paragraph']);
    expect([...element('operative_paragraph').children]).toEqual([]);
  });

  it('allows text only in textblocks, and marks only where the schema does', () => {
    // The paragraphs of the negotiation are exactly the textblocks.
    expect([...rules.elements.values()].filter((node) => node.text).map((node) => node.type.name)).toEqual([...PARAGRAPH_TYPES]);
    expect(rules.root.text).toBe(false);
    expect([...element('preambular_paragraph').marks.keys()]).toEqual(['strong', 'em', 'underline']);
    expect([...element('title').marks.keys()]).toEqual([]);
    expect([...element('formula').marks.values()].some((mark) => mark.overlapping)).toBe(false);
  });

  it('does not offer the document or text as elements', () => {
    expect(rules.elements.has('doc')).toBe(false);
    expect(rules.elements.has('text')).toBe(false);
  });

  it('knows the attributes of each node type and checks their values', () => {
    expect([...element('operative_paragraph').attributes.keys()]).toEqual(['id', 'level']);
    expect([...element('heading').attributes.keys()]).toEqual([]);
    const level = element('operative_paragraph').attributes.get('level')!;
    expect([0, 4].map(level)).toEqual([true, true]);
    expect([5, -1, 0.5, '1', null].map(level)).toEqual([false, false, false, false, false]);
    const id = element('title').attributes.get('id')!;
    expect(['p-abc', null, 'p'.repeat(64)].map(id)).toEqual([true, true, true]);
    expect([1, 'p'.repeat(65), {}].map(id)).toEqual([false, false, false]);
  });

  it('refuses a schema with an attribute it has no value rule for, or one without a default', () => {
    const withAttr = (attrs: Record<string, { default?: unknown }>) =>
      new Schema({ nodes: { doc: { content: 'text*' }, text: {} }, marks: { link: { attrs } } });
    expect(() => schemaRules(withAttr({ href: { default: null } }))).toThrow('no value rule for attribute href of mark link');
    expect(() => schemaRules(withAttr({ id: {} }))).toThrow('attribute id of mark link needs a default');
  });
});
