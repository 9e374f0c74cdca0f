/* Questionnaire pages without a connection (see the README, "Working without a connection"):
 * answers kept in IndexedDB as typed; offline, Next and Back walk the pages the service worker
 * kept, by the server's relevance rules; the whole questionnaire is sent once, with a client
 * id, to the JSON submission endpoint when the connection returns. */
(function () {
  'use strict';
  const source = document.getElementById('offline-data');
  const form = document.querySelector('.respond-form');
  const box = document.getElementById('offline-status');
  const R = window.ConsultRespond;
  const S = window.ConsultOffline;
  const X = window.ConsultExpr;
  if (!source || !form || !box || !R || !S || !X) return;
  const data = JSON.parse(source.textContent);
  const KEY = 'respond:' + data.slug;
  const names = Object.keys(R.logic.q);
  const MEDIA = ['image', 'audio', 'video', 'file'];
  // The pages and their conditions (pages.json), kept with the answers once per version.
  let walk = [];
  let record = null;
  let sending = false;

  const part = (name) => box.querySelector('[data-offline-' + name + ']');
  function show(name, on) {
    const el = part(name);
    if (el) el.hidden = !on;
  }

  function fresh() {
    return {
      key: KEY,
      slug: data.slug,
      version: data.version,
      client_id: S.newId(),
      language: data.language,
      invitation: data.invitation,
      submit: data.submit,
      answers: Object.assign({}, data.answers),
      seen: data.for_cache ? 0 : data.rendered,
      offline: false,
      complete: false,
    };
  }

  function pageAnswers() {
    const values = {};
    names.forEach((name) => {
      const q = R.logic.q[name];
      // Notes hold no answer; files are sent by the pages online only.
      if (q.type === 'note' || MEDIA.indexOf(q.type) >= 0) return;
      if (q.rep) {
        const count = R.instances(q.rep);
        const items = [];
        for (let n = 1; n <= count; n += 1) items.push(R.read(name + '[' + n + ']'));
        values[name] = items;
      } else if (form.querySelector('[name="' + CSS.escape(name) + '"]')) {
        values[name] = R.read(name);
      }
    });
    return values;
  }

  function setField(field, value) {
    const inputs = Array.from(form.querySelectorAll('[name="' + CSS.escape(field) + '"]'));
    if (!inputs.length || inputs[0].type === 'hidden') return;
    const text = value == null ? '' : String(value);
    const codes = text.split(/\s+/).filter(Boolean);
    inputs.forEach((input, index) => {
      if (input.type === 'radio') input.checked = input.value === text;
      else if (input.type === 'checkbox') {
        input.checked = input.value === 'OK' ? text === 'OK' : codes.indexOf(input.value) >= 0;
      } else if (input.tagName === 'SELECT' && inputs.length > 1) input.value = codes[index] || '';
      else if (input.type !== 'file') input.value = text;
    });
  }

  function restore(values) {
    names.forEach((name) => {
      if (!(name in values)) return;
      const q = R.logic.q[name];
      if (q.rep) {
        const items = Array.isArray(values[name]) ? values[name] : [];
        for (let n = 1; n <= R.instances(q.rep); n += 1) setField(name + '[' + n + ']', items[n - 1]);
      } else setField(name, values[name]);
    });
    R.refresh(values);
  }

  function save() {
    if (!record) return Promise.resolve();
    Object.assign(record.answers, pageAnswers());
    if (!navigator.onLine) record.offline = true;
    return S.put('responses', record).catch(() => undefined).then(status);
  }

  function holds(conditions) {
    return conditions.every((ast) => {
      try {
        return X.truthy(X.evaluate(ast, record.answers, undefined, R.logic.names,
          { instances: R.logic.instances || {}, whole: record.answers }));
      } catch (e) {
        return true; // a condition that fails never hides a page, as on the server
      }
    });
  }

  function visible() {
    return walk.filter((page) => page.any.some(holds));
  }

  function position() {
    return walk.findIndex((page) => page.key === data.page);
  }

  function urlOf(page) {
    return data.base + encodeURI(page.key);
  }

  function learnPages() {
    if (record.walk && record.walk.version === data.version) return Promise.resolve();
    if (!navigator.onLine) return Promise.resolve();
    return fetch(data.pages, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : null))
      .then((json) => {
        if (json && json.version === data.version) record.walk = json;
      })
      .catch(() => undefined);
  }

  function go(page) {
    window.location.assign(urlOf(page));
  }

  function onSubmit(event) {
    if (!record || !(record.offline || !navigator.onLine)) return; // online: the server's way
    event.preventDefault();
    const button = event.submitter;
    const action = (button && button.value) || 'next';
    if (/^(add|remove)/.test(action) || !walk.length) {
      show('needs', true);
      box.hidden = false;
      return;
    }
    record.offline = true;
    save().then(() => {
      const here = position();
      const shown = visible();
      if (action === 'back') {
        const before = shown.filter((page) => walk.indexOf(page) < here);
        if (before.length) go(before[before.length - 1]);
        return;
      }
      const after = action === 'submit' ? [] : shown.filter((page) => walk.indexOf(page) > here);
      if (after.length) {
        go(after[0]);
        return;
      }
      record.complete = true;
      S.put('responses', record).catch(() => undefined).then(() => {
        status();
        send();
      });
    });
  }

  function problems(errors) {
    const holder = part('problems');
    const list = holder.querySelector('ul');
    list.textContent = '';
    Object.keys(errors).forEach((key) => {
      const item = document.createElement('li');
      const label = document.createElement('span');
      label.textContent = key + ': ' + errors[key];
      item.appendChild(label);
      list.appendChild(item);
    });
    holder.hidden = false;
  }

  function thanks(reference) {
    const done = document.getElementById('offline-thanks');
    const respond = document.getElementById('respond');
    done.querySelector('[data-reference]').textContent = reference;
    Array.from(respond.children).forEach((child) => {
      if (child !== done) child.hidden = true;
    });
    done.hidden = false;
    done.setAttribute('tabindex', '-1');
    done.focus();
  }

  function send() {
    if (!record || !record.complete || sending || !navigator.onLine) return;
    sending = true;
    status();
    const body = {
      client_id: record.client_id,
      language: record.language,
      answers: record.answers,
    };
    if (record.invitation) body.invitation = record.invitation;
    fetch(record.submit, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    }).then((response) => response.json().catch(() => ({})).then((json) => {
      sending = false;
      if (response.status === 200 || response.status === 201) {
        return S.remove('responses', KEY).catch(() => undefined).then(() => {
          record = null;
          thanks(json.reference);
        });
      }
      if (response.status === 422 && json.errors) {
        record.complete = false;
        problems(json.errors);
        return S.put('responses', record).then(status);
      }
      if (response.status === 429 || response.status >= 500) {
        status();
        return undefined; // tried again when the connection comes back or the page reopens
      }
      const refused = part('refused');
      refused.textContent = (json.error && json.error.message) || String(response.status);
      refused.hidden = false;
      status();
      return undefined;
    })).catch(() => {
      sending = false;
      status();
    });
  }

  function status() {
    const offline = !navigator.onLine;
    const waiting = record && (record.offline || offline);
    const count = record ? Object.keys(record.answers).filter((name) => {
      const value = record.answers[name];
      return Array.isArray(value) ? value.some((v) => v !== '' && v != null) : value !== '' && value != null;
    }).length : 0;
    show('note', offline);
    const counter = part('count');
    counter.textContent = counter.dataset.text.replace('{count}', String(count));
    counter.hidden = !waiting;
    show('waiting', Boolean(record && record.complete && !sending));
    show('sending', sending);
    const anything = Array.from(box.children).some((child) => !child.hidden);
    box.hidden = !anything;
    document.documentElement.classList.toggle('is-offline', offline);
  }

  S.get('responses', KEY).catch(() => null).then((kept) => {
    record = kept && kept.version === data.version ? kept : fresh();
    const current = !data.for_cache && data.rendered >= (record.seen || 0);
    if (!record.offline && navigator.onLine && current) {
      // A page fresh from the server: its answers are the draft as stored.
      record.answers = Object.assign({}, data.answers);
      record.seen = data.rendered;
      record.language = data.language;
      if (data.invitation) record.invitation = data.invitation;
    } else {
      if (!navigator.onLine) record.offline = true;
      restore(record.answers);
    }
    return learnPages();
  }).then(() => {
    walk = (record.walk && record.walk.pages) || [];
    return S.put('responses', record).catch(() => undefined);
  }).then(() => {
    status();
    form.addEventListener('submit', onSubmit);
    form.addEventListener('input', save);
    form.addEventListener('change', save);
    window.addEventListener('online', () => { status(); send(); });
    window.addEventListener('offline', status);
    send();
    if (navigator.onLine) {
      const urls = walk.map((page) => [urlOf(page) + '?offline=1', urlOf(page)]);
      urls.push([data.start, data.start]);
      S.cache(data.sw, urls).then((result) => {
        document.documentElement.dataset.offlineKept = String(result && result.kept || 0);
      });
    }
  });
})();
