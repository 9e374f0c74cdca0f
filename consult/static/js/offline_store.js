/* The browser's store for work done without a connection (IndexedDB, database "consult"):
 * "responses" holds a questionnaire being answered offline, one record per questionnaire;
 * "interviews" holds the facilitators' interviews waiting to be sent, by client id.
 * Every call returns a promise; where IndexedDB is missing (some private modes) they reject
 * and the pages keep working online as without JavaScript. */
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
    /* Register the service worker (its URL is given by the page) and ask it to keep
     * copies of `urls`: pairs [address to fetch, address to keep it under]. */
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
