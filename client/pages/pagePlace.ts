/** What is kept of a reader's place on a draft's page. */
interface Place {
  /** The id of the selected tab button in the sidebar. */
  tab?: string;
  /** scrollTop of each scrolling area, in the order given. */
  scroll?: number[];
}

export interface PagePlaceParts {
  /** The sidebar: its tabs follow the WAI-ARIA pattern (role="tab", aria-selected). */
  sidebar: HTMLElement;
  /** The areas whose scroll position is kept: the text, the sidebar. */
  scrollers: HTMLElement[];
}

/**
 * Keeps where the reader was on a draft's page across a reload of the browser tab: the open
 * sidebar tab and how far the text and the panel were scrolled. Kept in sessionStorage, so per
 * tab and gone with it. `restoreScroll` once the text is drawn; `stop` when the page closes.
 */
export function keepPagePlace(storage: Storage, draftId: string, parts: PagePlaceParts): { restoreScroll: () => void; stop: () => void } {
  const key = `page-place:${draftId}`;
  const read = (): Place => {
    try {
      return (JSON.parse(storage.getItem(key) ?? '{}') as Place) ?? {};
    } catch {
      return {};
    }
  };
  const write = (change: Place) => {
    try {
      storage.setItem(key, JSON.stringify({ ...read(), ...change }));
    } catch {
      // A full or blocked storage costs the reader their place, nothing more.
    }
  };

  const saved = read();
  [...parts.sidebar.querySelectorAll<HTMLElement>('[role="tab"]')].find((tab) => saved.tab && tab.id === saved.tab)?.click();

  const selectedTab = new MutationObserver(() => {
    const selected = parts.sidebar.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]');
    if (selected?.id) write({ tab: selected.id });
  });
  selectedTab.observe(parts.sidebar, { subtree: true, attributes: true, attributeFilter: ['aria-selected'] });
  const saveScroll = () => write({ scroll: parts.scrollers.map((area) => area.scrollTop) });
  window.addEventListener('pagehide', saveScroll);

  return {
    restoreScroll: () => read().scroll?.forEach((top, i) => parts.scrollers[i] && (parts.scrollers[i].scrollTop = top)),
    stop: () => {
      saveScroll();
      selectedTab.disconnect();
      window.removeEventListener('pagehide', saveScroll);
    },
  };
}
