/**
 * Registers the service worker that keeps the application shell, so a reload on a
 * dropped conference connection still opens the editor with the copy of the draft
 * kept in IndexedDB. Only in production builds: the dev server serves modules fresh.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch((error: unknown) => {
      console.warn('Offline support is unavailable:', error);
    });
  });
}
