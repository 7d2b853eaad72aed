/**
 * Redraws `host` without losing the keyboard focus: when it was inside, it goes back to the
 * same element if the redraw kept it, else to the control drawn anew in its place (same row,
 * identified by `rowAttribute`, same kind and name), else to the host itself.
 */
export function redrawKeepingFocus(host: HTMLElement, rowAttribute: string, redraw: () => void): void {
  const focused = document.activeElement;
  if (!(focused instanceof HTMLElement) || !host.contains(focused)) {
    redraw();
    return;
  }
  const row = focused.closest(`[${rowAttribute}]`)?.getAttribute(rowAttribute) ?? null;
  const identity = controlIdentity(focused);
  redraw();
  if (document.activeElement === focused && focused.isConnected) return;
  if (focused.isConnected && host.contains(focused)) return focused.focus();
  const rows = row === null ? [host] : [...host.querySelectorAll<HTMLElement>(`[${rowAttribute}]`)].filter((el) => el.getAttribute(rowAttribute) === row);
  const twin = rows.flatMap((el) => [...el.querySelectorAll<HTMLElement>(focused.tagName)]).find((el) => controlIdentity(el) === identity);
  if (twin) return twin.focus();
  if (!host.hasAttribute('tabindex')) host.tabIndex = -1;
  host.focus();
}

function controlIdentity(el: HTMLElement): string {
  return `${el.tagName}|${el.getAttribute('aria-label') ?? el.textContent?.trim() ?? ''}`;
}
