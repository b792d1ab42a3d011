// The mentor's pages without a connection. Every request goes to the network first, so an
// online phone always gets the current page and the current WebAssembly together; a copy of
// each answer is kept, and used only when the network cannot be reached. Meetings logged
// offline do not pass through here: the page keeps them and sends them when it is back online.
const CACHE = 'duo-mentor-v1';
// The files every page needs, kept at once. Pages are kept as they are visited online: the
// worker may be installed before anyone signed in, when a mentor page shows nothing of theirs.
const SHELL = ['/pkg/duo.js', '/pkg/duo.wasm', '/pkg/duo.css', '/manifest.webmanifest',
  '/favicon.svg', '/icon-192.png'];
// Kept for offline use: the mentor pages and the files every page loads. Not the API, not
// other people's pages.
const KEPT = /^\/(mentor(\/.*)?|pkg\/.*|manifest\.webmanifest|favicon\.svg|icon-[a-z0-9-]+\.png)$/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      // One missing file (a mentor page while signed out) must not stop the others.
      .then((cache) => Promise.all(SHELL.map((path) => cache.add(path).catch(() => undefined))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  // Signing out forgets the kept pages: they hold the mentee's first name and notes.
  if (event.data === 'forget') event.waitUntil(caches.delete(CACHE));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || !KEPT.test(url.pathname)) {
    return;
  }
  event.respondWith(
    fetch(request)
      .then((response) => {
        // Only complete pages: a redirect to sign-in or an error is not worth keeping.
        if (response.ok && response.type === 'basic' && !response.redirected) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(url.pathname, copy));
        }
        return response;
      })
      .catch(() => caches.match(url.pathname).then((kept) => kept ?? Response.error())),
  );
});
