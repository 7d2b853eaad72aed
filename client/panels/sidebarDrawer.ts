import { h } from '../app/dom';
import type { Sidebar } from './sidebar';

/**
 * On narrow screens (phones, tablets) the sidebar slides over the text as a drawer, opened by a
 * button in the header. Where the screen is wide enough, CSS hides the button and shows the
 * sidebar beside the text; the drawer then has nothing to do.
 */
export class SidebarDrawer {
  readonly toggle: HTMLButtonElement;
  /** Covers the text while the drawer is open; a click on it closes the drawer. */
  readonly backdrop: HTMLElement;

  constructor(private readonly sidebar: Sidebar) {
    this.toggle = h(
      'button',
      {
        class: 'button-quiet drawer-toggle',
        attrs: { type: 'button', 'aria-controls': sidebar.element.id, 'aria-expanded': 'false' },
        on: { click: () => (this.isOpen() ? this.close() : this.open({ focus: true })) },
      },
      'Panels',
    );
    this.backdrop = h('div', { class: 'drawer-backdrop', on: { click: () => this.close() } });
    const closeButton = h('button', { class: 'button-quiet button-small drawer-close', attrs: { type: 'button' }, on: { click: () => this.close() } }, 'Close panels');
    sidebar.element.prepend(closeButton);
  }

  /** What the open drawer made inert, to be freed when it closes (and nothing that was inert already). */
  private madeInert: HTMLElement[] = [];

  /** Everything but the drawer leaves the Tab order and the screen reader's reach while the drawer covers it. */
  private makeRestInert(): void {
    for (let node: HTMLElement = this.sidebar.element; node.parentElement && node !== document.body; node = node.parentElement) {
      for (const sibling of node.parentElement.children) {
        if (sibling === node || sibling === this.backdrop || !(sibling instanceof HTMLElement) || sibling.inert) continue;
        sibling.inert = true;
        this.madeInert.push(sibling);
      }
    }
  }

  /** Escape closes the open drawer wherever the focus is (the body, once a panel removed what had it). */
  private readonly closeOnEscape = (event: KeyboardEvent): void => {
    // A form in a panel may use Escape for itself first (cancelling an edit).
    if (event.key !== 'Escape' || event.defaultPrevented || !this.isDrawer()) return;
    event.preventDefault();
    this.close();
  };

  /** Whether the sidebar is a drawer at the current width (the toggle is shown only then). */
  isDrawer(): boolean {
    return this.toggle.getClientRects().length > 0;
  }

  isOpen(): boolean {
    return this.sidebar.element.classList.contains('is-open');
  }

  /** Opens the drawer; `focus` moves the focus into it, to the selected tab. */
  open({ focus = false } = {}): void {
    if (!this.isDrawer()) return;
    if (!this.isOpen()) this.setOpen(true);
    if (focus) this.sidebar.selectedTab()?.focus();
  }

  /** Closes the drawer and gives the focus back to the button that opens it. */
  close(): void {
    if (!this.isOpen()) return;
    this.setOpen(false);
    this.toggle.focus();
  }

  /** Shows a tab or section: on a narrow screen that means opening the drawer, without taking the focus. */
  reveal(id: string): void {
    this.sidebar.select(id);
    this.open();
  }

  /** Stops listening to the page's keys and frees the page behind (the editor page is left). */
  destroy(): void {
    document.removeEventListener('keydown', this.closeOnEscape);
    this.madeInert.forEach((element) => (element.inert = false));
    this.madeInert = [];
  }

  private setOpen(open: boolean): void {
    if (open) {
      document.addEventListener('keydown', this.closeOnEscape);
      this.makeRestInert();
    } else this.destroy();
    this.sidebar.element.classList.toggle('is-open', open);
    this.backdrop.classList.toggle('is-open', open);
    this.toggle.setAttribute('aria-expanded', String(open));
  }
}
