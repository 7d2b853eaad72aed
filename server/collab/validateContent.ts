import * as Y from 'yjs';
import { PROSEMIRROR_FRAGMENT, resolutionSchema } from '../../shared/schema';
import type { ClientUpdate } from './clientUpdate';
import { ProtocolError } from './parseMessage';
import { schemaRules, type NodeRules, type SchemaRules } from './schemaRules';
import { DROPPED, type Parent } from './updatePlacements';

const RESOLUTION_RULES = schemaRules(resolutionSchema);

/** Deeper than any draft nests (doc > preamble > formula > text); refused before walking further. */
const MAX_DEPTH = 16;

/** y-prosemirror's key for a mark that may overlap itself: the mark name, `--`, 8 characters of hash. */
const HASHED_MARK_KEY = /^(.*)--[a-zA-Z0-9+/=]{8}$/;

/** What an item is written into: a node of the schema, or the text (Y.XmlText) inside one. */
interface Container {
  node: NodeRules;
  inText: boolean;
}

/**
 * Refuses an update that would put into the draft anything the ProseMirror schema does not
 * allow, or write outside the draft's fragment. Every browser turns the Y.Doc into a
 * ProseMirror document; y-prosemirror "repairs" what does not fit by deleting it (for everyone,
 * in that browser's name), and the server's compare, preview and restore fail on it.
 * Items Yjs would garbage-collect on arrival, or that the document already has, are not checked.
 */
export function assertUpdateFitsSchema(update: ClientUpdate, rules: SchemaRules = RESOLUTION_RULES): void {
  const { doc, structs, placements } = update;
  const containers = new Map<unknown, Container>();

  const containerOf = (parent: Parent, depth = 0): Container => {
    if ('root' in parent) {
      if (parent.root !== PROSEMIRROR_FRAGMENT) throw refusal(`write to root "${shown(parent.root)}"`);
      return { node: rules.root, inText: false };
    }
    const identity = 'type' in parent ? parent.type : parent.created;
    const known = containers.get(identity);
    if (known) return known;
    if (depth > MAX_DEPTH) throw refusal('nested too deep');
    const container = 'type' in parent ? liveContainer(parent.type, depth) : createdContainer(parent.created, depth);
    containers.set(identity, container);
    return container;
  };
  const liveContainer = (type: Y.AbstractType<unknown>, depth: number): Container => {
    const item = type._item;
    if (item === null) {
      if (doc.share.get(PROSEMIRROR_FRAGMENT) === type) return { node: rules.root, inText: false };
      throw refusal('write to a root other than the draft');
    }
    return childOf(containerOf({ type: item.parent as Y.AbstractType<unknown> }, depth + 1), type, rules);
  };
  const createdContainer = (item: Y.Item, depth: number): Container => {
    const placement = placements.placementOf(item);
    // A dropped type's children are dropped too, so they are never asked about.
    if (placement === DROPPED || placement.key !== null) throw refusal('type written as an attribute');
    return childOf(containerOf(placement.parent, depth + 1), (item.content as Y.ContentType).type, rules);
  };

  for (const struct of structs) {
    if (!(struct instanceof Y.Item) || !placements.isNew(struct)) continue;
    const placement = placements.placementOf(struct);
    if (placement === DROPPED) continue;
    const container = containerOf(placement.parent);
    if (placement.key !== null) assertAttribute(container, placement.key, struct.content);
    else assertChild(container, struct.content, rules);
  }
}

/** A node's attribute (a map entry of its Y.XmlElement): declared by the schema, with a value of the declared type. */
function assertAttribute(container: Container, key: string, content: Y.Item['content']): void {
  const rule = container.inText ? undefined : container.node.attributes.get(key);
  if (!rule) throw refusal(`attribute "${shown(key)}" on ${where(container)}`);
  if (content instanceof Y.ContentDeleted) return;
  if (!(content instanceof Y.ContentAny) || content.arr.length !== 1 || !rule(content.arr[0])) {
    throw refusal(`bad value for attribute ${key} of ${container.node.type.name}`);
  }
}

/** Content inside a node (child elements and text) or inside its text (characters and marks). */
function assertChild(container: Container, content: Y.Item['content'], rules: SchemaRules): void {
  if (content instanceof Y.ContentDeleted) return;
  if (container.inText) {
    if (content instanceof Y.ContentString && content.str.length > 0) return;
    if (content instanceof Y.ContentFormat) return assertMark(container.node, content.key, content.value);
  } else if (content instanceof Y.ContentType) {
    childOf(container, content.type, rules);
    return;
  }
  throw refusal(`${content.constructor.name} in ${where(container)}`);
}

/** The container a child type makes, if the schema allows it where it is being put. */
function childOf(container: Container, type: Y.AbstractType<unknown>, rules: SchemaRules): Container {
  if (!container.inText) {
    if (type.constructor === Y.XmlText && container.node.text) return { node: container.node, inText: true };
    if (type.constructor === Y.XmlElement) {
      const name = (type as Y.XmlElement).nodeName;
      const node = rules.elements.get(name);
      if (node && container.node.children.has(name)) return { node, inText: false };
      throw refusal(`element "${shown(name)}" in ${where(container)}`);
    }
  }
  throw refusal(`${type.constructor.name} in ${where(container)}`);
}

/** A formatting boundary as y-prosemirror writes it: a mark the node allows, with the mark's attributes or null (end). */
function assertMark(node: NodeRules, key: string, value: unknown): void {
  const hashed = HASHED_MARK_KEY.exec(key);
  const mark = node.marks.get(hashed ? hashed[1] : key);
  if (!mark || (hashed !== null && !mark.overlapping)) throw refusal(`mark "${shown(key)}" in ${node.type.name}`);
  if (value === null) return;
  const attributes = typeof value === 'object' && !Array.isArray(value) ? Object.entries(value as object) : null;
  if (!attributes || attributes.some(([name, attr]) => !mark.attributes.get(name)?.(attr))) {
    throw refusal(`bad attributes for mark ${mark.type.name}`);
  }
}

function where(container: Container): string {
  return container.inText ? `text of ${container.node.type.name}` : container.node.type.name;
}

function refusal(what: string): ProtocolError {
  return new ProtocolError(`outside the schema: ${what}`);
}

/** A client's name in a close reason (at most 123 bytes on the wire): short and plain. */
function shown(name: string): string {
  return name.replace(/[^\w-]/g, '?').slice(0, 24);
}
