import type { ParagraphView } from '../../shared/paragraphs';

/** The draft's paragraphs and their statuses as last heard from the server, in document order. */
export class ParagraphStore {
  private paragraphs: ParagraphView[] = [];
  private readonly listeners = new Set<() => void>();

  replaceAll(paragraphs: ParagraphView[]): void {
    this.paragraphs = [...paragraphs];
    this.notify();
  }

  /**
   * Merges one paragraph heard from the server in its place. False when the paragraph is
   * not in the list (inserted since it was loaded): the list should be reloaded.
   */
  update(paragraph: ParagraphView): boolean {
    const at = this.paragraphs.findIndex((p) => p.id === paragraph.id);
    if (at < 0) return false;
    this.paragraphs = this.paragraphs.map((p, i) => (i === at ? paragraph : p));
    this.notify();
    return true;
  }

  list(): readonly ParagraphView[] {
    return this.paragraphs;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
