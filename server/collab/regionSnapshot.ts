import * as Y from 'yjs';
import type { LockScope } from './lockedRegions';
import { TextState } from './textState';

type Child = Y.XmlElement | Y.XmlText | Y.XmlHook;

/**
 * A locked element as it stood before a client's update, able to put itself back: the
 * compensating change the server makes after accepting an update that touched it (see
 * docs/DESIGN.md "Agreed text and the heading are locked by the server").
 */
export class RegionSnapshot {
  private readonly xml: string;
  private readonly attributes: Record<string, unknown>;
  private readonly children: Array<Y.XmlElement | Y.XmlText>;
  /** The children themselves (not copies), in order: what is still there is put back in place. */
  private readonly originals: Child[];
  private readonly texts = new Map<Y.XmlText, TextState>();

  constructor(
    private readonly element: Y.XmlElement,
    private readonly scope: LockScope = 'whole',
  ) {
    this.xml = element.toString();
    this.attributes = element.getAttributes();
    this.originals = element.toArray();
    this.children = this.originals.map((child) => child.clone() as Y.XmlElement | Y.XmlText);
    for (const child of this.originals) if (child instanceof Y.XmlText) this.texts.set(child, new TextState(child));
  }

  /** Call inside a transaction; true when something had to be put back. */
  restore(): boolean {
    const item = this.element._item;
    if (item?.deleted) return this.reinsert(item);
    if (this.element.toString() === this.xml) return false;
    for (const key of Object.keys(this.element.getAttributes())) {
      if (!(key in this.attributes)) this.element.removeAttribute(key);
    }
    for (const [key, value] of Object.entries(this.attributes)) this.element.setAttribute(key, value as string);
    if (this.scope === 'children') this.removeAddedChildren();
    else if (this.textsRestorable()) this.texts.forEach((state, text) => state.restore(text));
    else {
      this.element.delete(0, this.element.length);
      this.element.insert(0, this.children);
    }
    return true;
  }

  /**
   * Children added since the snapshot go; the others stay as they are (each is locked on its own, and
   * a removed one comes back through its own snapshot), so anchors into them keep resolving.
   */
  private removeAddedChildren(): void {
    const current = this.element.toArray();
    for (let index = current.length - 1; index >= 0; index--) {
      if (!this.originals.includes(current[index])) this.element.delete(index, 1);
    }
  }

  /**
   * Whether the element still holds exactly its texts (a paragraph: one), so each can be put back
   * in place, keeping the words the update left alone and the anchors on them.
   */
  private textsRestorable(): boolean {
    const current = this.element.toArray();
    return (
      this.texts.size === this.originals.length &&
      current.length === this.originals.length &&
      current.every((child, index) => child === this.originals[index] && this.texts.get(child as Y.XmlText)!.canRestore(child as Y.XmlText))
    );
  }

  /** The element was deleted: a copy goes back after its nearest sibling still there. */
  private reinsert(item: Y.Item): boolean {
    const parent = item.parent as Y.XmlElement | Y.XmlFragment;
    if (parent._item?.deleted) return false;
    let left = item.left;
    while (left && (left.deleted || !left.countable)) left = left.left;
    const index = left ? parent.toArray().indexOf((left.content as Y.ContentType).type as Y.XmlElement) + 1 : 0;
    const copy = new Y.XmlElement(this.element.nodeName);
    for (const [key, value] of Object.entries(this.attributes)) copy.setAttribute(key, value as string);
    copy.insert(0, this.children);
    parent.insert(index, [copy]);
    return true;
  }
}
