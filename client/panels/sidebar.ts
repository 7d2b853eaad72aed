import { h } from '../app/dom';

export interface SidebarTab {
  id: string;
  label: string;
  panel: HTMLElement;
  /** Called each time the tab is shown, e.g. to reload a list that is not live. */
  onShow?: () => void;
}

/**
 * The right-hand sidebar of the editor: one tab per panel (People, Comments, History).
 * Follows the WAI-ARIA tabs pattern.
 */
export class Sidebar {
  readonly element: HTMLElement;
  private readonly tabList: HTMLElement;
  private readonly tabs = new Map<string, { button: HTMLButtonElement; panel: HTMLElement; onShow?: () => void }>();

  constructor() {
    this.tabList = h('div', {
      class: 'sidebar-tabs',
      attrs: { role: 'tablist', 'aria-label': 'Panels' },
      on: { keydown: (event) => this.moveWithKeys(event as KeyboardEvent) },
    });
    this.element = h('aside', { class: 'sidebar', attrs: { 'aria-label': 'Panels' } }, this.tabList);
  }

  /** The tabs pattern: only the selected tab is in the Tab order, arrow keys move between tabs. */
  private moveWithKeys(event: KeyboardEvent): void {
    const ids = [...this.tabs.keys()];
    const current = ids.findIndex((id) => this.tabs.get(id)!.button === document.activeElement);
    if (current < 0) return;
    const next = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: ids.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const id = ids[(next + ids.length) % ids.length];
    this.select(id);
    this.tabs.get(id)!.button.focus();
  }

  addTab(tab: SidebarTab): void {
    const button = h(
      'button',
      {
        class: 'sidebar-tab',
        attrs: { type: 'button', role: 'tab', id: `tab-${tab.id}`, 'aria-controls': `panel-${tab.id}` },
        on: { click: () => this.select(tab.id) },
      },
      tab.label,
    );
    tab.panel.id = `panel-${tab.id}`;
    tab.panel.setAttribute('role', 'tabpanel');
    tab.panel.setAttribute('aria-labelledby', button.id);
    tab.panel.classList.add('sidebar-panel');
    this.tabs.set(tab.id, { button, panel: tab.panel, onShow: tab.onShow });
    this.tabList.append(button);
    this.element.append(tab.panel);
    if (this.tabs.size === 1) this.select(tab.id);
    else tab.panel.hidden = true;
  }

  select(id: string): void {
    for (const [tabId, { button, panel, onShow }] of this.tabs) {
      const selected = tabId === id;
      button.setAttribute('aria-selected', String(selected));
      button.tabIndex = selected ? 0 : -1;
      panel.hidden = !selected;
      if (selected) onShow?.();
    }
  }
}
