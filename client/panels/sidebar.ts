import { h } from '../app/dom';

export interface SidebarTab {
  id: string;
  label: string;
  panel: HTMLElement;
  /** Called each time the tab is shown, e.g. to reload a list that is not live. */
  onShow?: () => void;
}

/** A panel shown under another tab's panel, in the same group (Members under People). */
export interface SidebarSection {
  id: string;
  panel: HTMLElement;
  /** A heading for a panel that has none of its own. */
  heading?: string;
  onShow?: () => void;
}

interface TabEntry {
  button: HTMLButtonElement;
  panel: HTMLElement;
  onShow: Array<() => void>;
}

/**
 * The right-hand sidebar of the editor: a few tabs (People, Comments, Proposals, Progress, History),
 * each a group of one or more panels shown one under the other. Follows the WAI-ARIA tabs pattern.
 */
export class Sidebar {
  readonly element: HTMLElement;
  private readonly tabList: HTMLElement;
  private readonly tabs = new Map<string, TabEntry>();
  /** Where each section lives: section id → its tab id and element. */
  private readonly sections = new Map<string, { tabId: string; element: HTMLElement }>();

  constructor() {
    this.tabList = h('div', {
      class: 'sidebar-tabs',
      attrs: { role: 'tablist', 'aria-label': 'Panels' },
      on: { keydown: (event) => this.moveWithKeys(event as KeyboardEvent) },
    });
    this.element = h('aside', { class: 'sidebar', attrs: { id: 'sidebar', 'aria-label': 'Panels' } }, this.tabList);
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
    const panel = h('div', { class: 'sidebar-panel', attrs: { id: `panel-${tab.id}`, role: 'tabpanel', 'aria-labelledby': button.id } }, tab.panel);
    this.tabs.set(tab.id, { button, panel, onShow: tab.onShow ? [tab.onShow] : [] });
    this.sections.set(tab.id, { tabId: tab.id, element: tab.panel });
    this.tabList.append(button);
    this.element.append(panel);
    if (this.tabs.size === 1) this.select(tab.id);
    else panel.hidden = true;
  }

  /** Adds a panel under the panels of tab `tabId`; `select(section.id)` shows that tab and scrolls to it. */
  addSection(tabId: string, section: SidebarSection): void {
    const tab = this.tabs.get(tabId);
    if (!tab) throw new Error(`No sidebar tab ${tabId}`);
    const element = h(
      'section',
      { class: 'sidebar-section', attrs: section.heading ? { 'aria-labelledby': `heading-${section.id}` } : {} },
      section.heading ? h('h3', { class: 'panel-heading', attrs: { id: `heading-${section.id}` } }, section.heading) : null,
      section.panel,
    );
    tab.panel.append(element);
    if (section.onShow) tab.onShow.push(section.onShow);
    this.sections.set(section.id, { tabId, element });
    if (!tab.panel.hidden) section.onShow?.();
  }

  /** Shows a tab, or the tab holding a section and that section. */
  select(id: string): void {
    const target = this.sections.get(id);
    if (!target) return;
    for (const [tabId, { button, panel, onShow }] of this.tabs) {
      const selected = tabId === target.tabId;
      button.setAttribute('aria-selected', String(selected));
      button.tabIndex = selected ? 0 : -1;
      panel.hidden = !selected;
      if (selected) onShow.forEach((show) => show());
    }
    if (id !== target.tabId) target.element.scrollIntoView({ block: 'nearest' });
  }

  /** The selected tab's button: where focus goes when the sidebar opens as a drawer. */
  selectedTab(): HTMLButtonElement | undefined {
    return [...this.tabs.values()].find(({ button }) => button.getAttribute('aria-selected') === 'true')?.button;
  }
}
