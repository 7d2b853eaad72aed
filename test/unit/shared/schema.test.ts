/** @jest-environment jsdom */
import { DOMParser, DOMSerializer, Fragment } from 'prosemirror-model';
import { PARAGRAPH_TYPES, resolutionSchema } from '../../../shared/schema';
import { draftDoc, ops } from './draftFixture';

describe('resolution schema', () => {
  it('holds heading, sponsors, title, preamble and operative part, in that order', () => {
    const doc = draftDoc({ preambular: ['Recalling,'], operative: ops('Decides.') });
    expect(doc.content.content.map((n) => n.type.name)).toEqual(['heading', 'sponsors', 'title', 'preamble', 'operative']);
    expect(doc.child(0).content.content.map((n) => n.type.name)).toEqual(['symbol', 'organ', 'session', 'agenda_item']);
    expect(doc.child(3).firstChild?.type.name).toBe('formula');
  });

  it('gives every paragraph-level node an id attribute', () => {
    const doc = draftDoc({ preambular: ['Recalling,'], operative: ops('Urges:', [1, 'To act.']) });
    const ids: string[] = [];
    doc.descendants((node) => {
      if (PARAGRAPH_TYPES.has(node.type.name)) ids.push(node.attrs.id);
      return !node.isTextblock;
    });
    expect(ids).toHaveLength(4 + 2 + 2 + 2);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('requires at least one operative paragraph', () => {
    const { nodes } = resolutionSchema;
    expect(nodes.operative.validContent(Fragment.empty)).toBe(false);
    expect(nodes.operative.createAndFill()?.childCount).toBe(1);
  });

  it('allows bold, italic and underline in paragraphs but no marks in the heading lines', () => {
    const { nodes, marks } = resolutionSchema;
    expect(nodes.operative_paragraph.allowsMarkType(marks.strong)).toBe(true);
    expect(nodes.preambular_paragraph.allowsMarkType(marks.underline)).toBe(true);
    for (const line of ['symbol', 'organ', 'session', 'agenda_item', 'sponsors', 'title']) {
      expect(nodes[line].allowsMarkType(marks.em)).toBe(false);
    }
  });

  it('keeps ids, levels and marks through HTML (copy and paste)', () => {
    const doc = draftDoc({ preambular: ['Recalling,'], operative: ops('Urges:', [2, 'To act.']) });
    const dom = DOMSerializer.fromSchema(resolutionSchema).serializeFragment(doc.content);
    const host = document.createElement('div');
    host.append(dom);
    const op = host.querySelector('p.op[data-level="2"]');
    expect(op?.getAttribute('data-id')).toMatch(/^p-/);
    const parsed = DOMParser.fromSchema(resolutionSchema).parse(host);
    expect(parsed.eq(doc)).toBe(true);
  });
});
