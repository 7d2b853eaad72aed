/*
 * Keeps the application shell (index.html and the hashed assets) so that the
 * workspace opens without a connection; the draft itself comes from IndexedDB.
 * API, Yjs and socket.io traffic is never cached.
 */
const CACHE = 'workspace-shell-v1';
const SHELL = '/index.html';
/** On a slow conference network, fall back to the cached shell rather than wait. */
const NAVIGATION_TIMEOUT_MS = 4000;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.add(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

function isLive(url) {
  return url.pathname.startsWith('/api/') || url.pathname.startsWith('/yjs') || url.pathname.startsWith('/socket.io/');
}

async function navigation(request) {
  const cache = await caches.open(CACHE);
  const network = fetch(request).then((response) => {
    if (response.ok) cache.put(SHELL, response.clone());
    return response;
  });
  network.catch(() => undefined); // a late failure after the timeout is not an error
  const timeout = new Promise((resolve) => setTimeout(resolve, NAVIGATION_TIMEOUT_MS));
  try {
    const first = await Promise.race([network, timeout]);
    if (first) return first;
  } catch {
    // Offline: fall through to the cached shell.
  }
  const cached = await cache.match(SHELL);
  return cached ?? network;
}

async function asset(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || isLive(url)) return;
  if (event.request.mode === 'navigate') event.respondWith(navigation(event.request));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(asset(event.request));
});
