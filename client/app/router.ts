/** What a page gets when its route matches. */
export interface PageContext {
  params: Record<string, string>;
  query: URLSearchParams;
  outlet: HTMLElement;
  /** Aborted when the user navigates away: pages release sockets, views and timers on it. */
  signal: AbortSignal;
}

export type Page = (context: PageContext) => void;

interface CompiledRoute {
  regex: RegExp;
  names: string[];
  page: Page;
}

/** Turns `/drafts/:id/print` into a regex with one capture per parameter. */
function compile(pattern: string, page: Page): CompiledRoute {
  const names: string[] = [];
  const source = pattern
    .split('/')
    .map((part) => {
      if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(part.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { regex: new RegExp(`^${source}/?$`), names, page };
}

/**
 * A small History API router: one page mounted at a time into the outlet; links
 * with same-origin hrefs are followed without reloading the page.
 */
export class Router {
  private readonly routes: CompiledRoute[] = [];
  private current: AbortController | null = null;

  constructor(
    private readonly outlet: HTMLElement,
    private readonly fallback: Page,
  ) {}

  on(pattern: string, page: Page): this {
    this.routes.push(compile(pattern, page));
    return this;
  }

  /** Renders the current address and follows navigation from then on; returns a function that stops following. */
  start(): () => void {
    const onPopState = () => this.render();
    const onClick = (event: MouseEvent) => this.followLink(event);
    window.addEventListener('popstate', onPopState);
    document.addEventListener('click', onClick);
    this.render();
    return () => {
      window.removeEventListener('popstate', onPopState);
      document.removeEventListener('click', onClick);
      this.current?.abort();
    };
  }

  navigate(path: string, options: { replace?: boolean } = {}): void {
    if (options.replace) history.replaceState(null, '', path);
    else history.pushState(null, '', path);
    this.render();
  }

  /** The current path and query, for "come back here after signing in". */
  currentPath(): string {
    return location.pathname + location.search;
  }

  private followLink(event: MouseEvent): void {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
    if (!link || link.target || link.hasAttribute('download')) return;
    const url = new URL(link.href);
    if (url.origin !== location.origin) return;
    event.preventDefault();
    this.navigate(url.pathname + url.search);
  }

  private render(): void {
    this.current?.abort();
    const controller = new AbortController();
    this.current = controller;
    this.outlet.replaceChildren();
    window.scrollTo(0, 0);
    const { page, params } = this.match(location.pathname);
    page({ params, query: new URLSearchParams(location.search), outlet: this.outlet, signal: controller.signal });
  }

  private match(pathname: string): { page: Page; params: Record<string, string> } {
    for (const route of this.routes) {
      const found = route.regex.exec(pathname);
      if (!found) continue;
      const params = decodeParams(route.names, found);
      // A malformed escape (a hand-edited "%") names nothing: show "not found", never a blank page.
      if (params) return { page: route.page, params };
    }
    return { page: this.fallback, params: {} };
  }
}

function decodeParams(names: string[], found: RegExpExecArray): Record<string, string> | null {
  try {
    return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1])]));
  } catch {
    return null;
  }
}
