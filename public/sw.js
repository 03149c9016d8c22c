// First Aid Hero service worker. The build fills in the cache name (derived
// from the content hash of every output) and the list of files to precache.
// App-shell model: navigations get the cached index.html (emergency.html
// for /emergency and below), files come from
// the cache; an update installs beside the running version and waits until
// the page asks it to take over ("skip-waiting"), so data is never lost
// mid-change.
const CACHE = '__CACHE_NAME__';
const ASSETS = __ASSETS__;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('firstaid-') && key !== CACHE) {
        await caches.delete(key);
      }
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') {
    self.skipWaiting();
  }
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // The emergency pages get the page whose static part already helps.
    const emergency = url.pathname === '/emergency' || url.pathname.startsWith('/emergency/');
    event.respondWith((async () => {
      const cache = await caches.open(CACHE);
      return (emergency && (await cache.match('/emergency.html')))
        || (await cache.match('/index.html'))
        || fetch(request);
    })());
    return;
  }
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    return (await cache.match(request, { ignoreSearch: true })) || fetch(request);
  })());
});
