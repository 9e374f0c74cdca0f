/* Work kept while offline, in IndexedDB "consult": "responses" (a questionnaire answered
 * offline, by slug) and "interviews" (interviews waiting to be sent, by client id). */
(function () {
  'use strict';
  let opening = null;

  function open() {
    if (!opening) {
      opening = new Promise((resolve, reject) => {
        if (!window.indexedDB) {
          reject(new Error('IndexedDB is not available'));
          return;
        }
        const request = window.indexedDB.open('consult', 1);
        request.onupgradeneeded = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains('responses')) {
            db.createObjectStore('responses', { keyPath: 'key' });
          }
          if (!db.objectStoreNames.contains('interviews')) {
            db.createObjectStore('interviews', { keyPath: 'client_id' });
          }
        };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    }
    return opening;
  }

  function run(store, mode, action) {
    return open().then((db) => new Promise((resolve, reject) => {
      const tx = db.transaction(store, mode);
      const request = action(tx.objectStore(store));
      tx.oncomplete = () => resolve(request ? request.result : undefined);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    }));
  }

  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID().replace(/-/g, '');
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  window.ConsultOffline = {
    get: (store, key) => run(store, 'readonly', (s) => s.get(key)),
    all: (store) => run(store, 'readonly', (s) => s.getAll()),
    put: (store, value) => run(store, 'readwrite', (s) => s.put(value)),
    remove: (store, key) => run(store, 'readwrite', (s) => s.delete(key)),
    newId: newId,
    // Register the service worker and have it keep [address to fetch, address kept] pairs.
    cache: function (sw, urls) {
      if (!sw || !('serviceWorker' in navigator)) return Promise.resolve(false);
      return navigator.serviceWorker.register(sw, { scope: '/' })
        .then(() => navigator.serviceWorker.ready)
        .then((registration) => new Promise((resolve) => {
          if (!registration.active || !urls.length) {
            resolve(false);
            return;
          }
          const channel = new MessageChannel();
          channel.port1.onmessage = (event) => resolve(event.data);
          registration.active.postMessage({ type: 'keep', urls: urls }, [channel.port2]);
        }))
        .catch(() => false);
    },
  };
})();
