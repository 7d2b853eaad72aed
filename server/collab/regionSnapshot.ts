import * as Y from 'yjs';
import type { LockScope } from './lockedRegions';

/**
 * A locked element as it stood before a client's update, able to put itself back: the
 * compensating change the server makes after accepting an update that touched it (see
 * docs/DESIGN.md "Agreed text and the heading are locked by the server").
 */
export class RegionSnapshot {
  private readonly xml: string;
  private readonly attributes: Record<string, unknown>;
  private readonly children: Array<Y.XmlElement | Y.XmlText>;
  /** The children themselves (not copies): an element whose children are locked keeps exactly these. */
  private readonly originals: ReadonlySet<Y.XmlElement | Y.XmlText | Y.XmlHook>;

  constructor(
    private readonly element: Y.XmlElement,
    private readonly scope: LockScope = 'whole',
  ) {
    this.xml = element.toString();
    this.attributes = element.getAttributes();
    this.originals = new Set(element.toArray());
    this.children = element.toArray().map((child) => child.clone() as Y.XmlElement | Y.XmlText);
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
      if (!this.originals.has(current[index])) this.element.delete(index, 1);
    }
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
