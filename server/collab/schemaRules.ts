import type { AttributeSpec, MarkType, NodeType, Schema } from 'prosemirror-model';
import { MAX_PARAGRAPH_ID_LENGTH, MAX_SUBPARAGRAPH_LEVEL } from '../../shared/schema';

/** What a value written into the Y.Doc must look like for one attribute name (node or mark). */
type ValueRule = (value: unknown) => boolean;

/**
 * The type of every attribute the schema declares, by name. The schema itself only knows
 * defaults; `schemaRules` refuses to build when an attribute has no rule here, so adding an
 * attribute to the schema without saying what it may hold fails at start, not in production.
 */
export const ATTRIBUTE_VALUE_RULES: Readonly<Record<string, ValueRule>> = {
  id: (value) => value === null || (typeof value === 'string' && value.length <= MAX_PARAGRAPH_ID_LENGTH),
  level: (value) => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_SUBPARAGRAPH_LEVEL,
};

/** What may be written inside one node type, derived from its content expression. */
export interface NodeRules {
  readonly type: NodeType;
  /** Node types that may appear as children at all (order and count are the editor's business). */
  readonly children: ReadonlySet<string>;
  /** Whether text (a Y.XmlText) may appear inside. */
  readonly text: boolean;
  readonly attributes: ReadonlyMap<string, ValueRule>;
  readonly marks: ReadonlyMap<string, MarkRules>;
}

export interface MarkRules {
  readonly type: MarkType;
  /** Marks that may overlap themselves get a `--hash` suffix in y-prosemirror's format keys. */
  readonly overlapping: boolean;
  readonly attributes: ReadonlyMap<string, ValueRule>;
}

export interface SchemaRules {
  /** The rules of the document node: the draft's root fragment. */
  readonly root: NodeRules;
  /** Node types that may be written as Y.XmlElements, by name (not `text`, not the root). */
  readonly elements: ReadonlyMap<string, NodeRules>;
}

/** Compiles a ProseMirror schema into the lookups the server checks client updates with. */
export function schemaRules(schema: Schema): SchemaRules {
  const marks = new Map(Object.values(schema.marks).map((type) => [type.name, markRules(type)]));
  const rulesOf = (type: NodeType): NodeRules => {
    const children = typesInside(type);
    return {
      type,
      children: new Set([...children].filter((child) => !child.isText).map((child) => child.name)),
      text: [...children].some((child) => child.isText),
      attributes: valueRules(type.spec.attrs ?? {}, `node ${type.name}`),
      marks: new Map([...marks].filter(([, mark]) => type.allowsMarkType(mark.type))),
    };
  };
  const elements = Object.values(schema.nodes).filter((type) => !type.isText && type !== schema.topNodeType);
  return { root: rulesOf(schema.topNodeType), elements: new Map(elements.map((type) => [type.name, rulesOf(type)])) };
}

function markRules(type: MarkType): MarkRules {
  return { type, overlapping: !type.excludes(type), attributes: valueRules(type.spec.attrs ?? {}, `mark ${type.name}`) };
}

/**
 * The rules of the attributes a spec declares. Attributes arrive one by one, so the server cannot
 * check that a required one is present: every attribute must have a default.
 */
function valueRules(attrs: Record<string, AttributeSpec>, owner: string): Map<string, ValueRule> {
  return new Map(
    Object.entries(attrs).map(([name, spec]) => {
      if (!Object.hasOwn(ATTRIBUTE_VALUE_RULES, name)) throw new Error(`no value rule for attribute ${name} of ${owner}`);
      if (!('default' in spec)) throw new Error(`attribute ${name} of ${owner} needs a default`);
      return [name, ATTRIBUTE_VALUE_RULES[name]];
    }),
  );
}

/** Every node type the content expression of `type` can match anywhere (walks its automaton). */
function typesInside(type: NodeType): Set<NodeType> {
  const found = new Set<NodeType>();
  const seen = new Set([type.contentMatch]);
  const queue = [type.contentMatch];
  for (let match = queue.pop(); match; match = queue.pop()) {
    for (let i = 0; i < match.edgeCount; i++) {
      const edge = match.edge(i);
      found.add(edge.type);
      if (!seen.has(edge.next)) {
        seen.add(edge.next);
        queue.push(edge.next);
      }
    }
  }
  return found;
}
