/* consult's service worker: keeps the questionnaire pages and the interview form, with the
 * scripts and styles they need, so that they open without a connection.
 *
 * Pages under /s/ and /interviews/ are fetched from the network first and kept as they
 * come; without a connection the kept copy is shown (kept under the address without its
 * query string). Static files are taken from the cache first: the cache's name carries a
 * digest of the shipped files, so a release with other files starts a new cache and the
 * old one is deleted. Nothing is sent from here: the pages' scripts send the answers and
 * interviews kept in IndexedDB when the connection returns. */
'use strict';
const CACHE = 'consult-' + {{ version|tojson }};
const STATIC = {{ static|tojson }};
const STATIC_PREFIX = {{ url_for('static', filename='')|tojson }};
const PAGES = /^\/(s|interviews)\//;
const STAFF = '/interviews/';
const LOGOUT = {{ url_for('auth.logout')|tojson }};
const NOT_KEPT = {{ _("You are offline, and this page was not kept on this device. Please open it again when you are online.")|tojson }};

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(STATIC)).then(() => self.skipWaiting())
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(
        keys.filter((key) => key.startsWith('consult-') && key !== CACHE)
          .map((key) => caches.delete(key))
      ))
      .then(() => self.clients.claim())
  );
});

function keyOf(address) {
  const url = new URL(address, self.location.origin);
  return url.origin + url.pathname;
}

function keepable(response) {
  return response && response.ok && response.type === 'basic' && !response.redirected;
}

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (keepable(response)) await cache.put(keyOf(request.url), response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(keyOf(request.url), { ignoreVary: true });
    if (kept) return kept;
    const page = '<!doctype html><meta charset="utf-8"><meta name="viewport" ' +
      'content="width=device-width, initial-scale=1"><title>consult</title><p>' +
      NOT_KEPT.replace(/&/g, '&amp;').replace(/</g, '&lt;') + '</p>';
    return new Response(page, {
      status: 503,
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
    });
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request, { ignoreVary: true });
  if (kept) return kept;
  const response = await fetch(request);
  if (keepable(response)) await cache.put(request, response.clone());
  return response;
}

async function forgetStaffPages() {
  // A shared device: signing out leaves no copy of the facilitators' pages behind.
  const cache = await caches.open(CACHE);
  const requests = await cache.keys();
  await Promise.all(requests
    .filter((request) => new URL(request.url).pathname.startsWith(STAFF))
    .map((request) => cache.delete(request)));
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === 'POST' && url.pathname === LOGOUT) {
    event.waitUntil(forgetStaffPages());
    return;
  }
  if (request.method !== 'GET') return;
  if (url.pathname.startsWith(STATIC_PREFIX)) {
    event.respondWith(cacheFirst(request));
  } else if (request.mode === 'navigate' && PAGES.test(url.pathname)) {
    event.respondWith(networkFirst(request));
  }
});

/* A page asks for copies of the pages it may need offline: [fetch address, kept address]
 * pairs; those already kept are not fetched again, the others one after the other. */
async function keep(pairs) {
  const cache = await caches.open(CACHE);
  let kept = 0;
  for (const pair of pairs.slice(0, 500)) {
    const [address, key] = pair;
    if (new URL(address, self.location.origin).origin !== self.location.origin) continue;
    if (await cache.match(keyOf(key), { ignoreVary: true })) {
      kept += 1;
      continue;
    }
    try {
      const response = await fetch(address, { credentials: 'same-origin' });
      if (keepable(response)) {
        await cache.put(keyOf(key), response);
        kept += 1;
      }
    } catch (error) {
      break; // the connection went: the rest is asked for on the next page
    }
  }
  return kept;
}

self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type !== 'keep' || !Array.isArray(data.urls)) return;
  const reply = event.ports && event.ports[0];
  event.waitUntil(keep(data.urls).then((count) => {
    if (reply) reply.postMessage({ kept: count });
  }));
});
