/* Interviews recorded without a connection.
 *
 * Saving the interview form while offline keeps the interview in IndexedDB (a queue, one
 * entry per interview, with a client id) instead of posting it; the list on the page says
 * how many wait. When the connection returns they are sent one by one to /interviews/sync
 * (session and CSRF token, as the form). A retry never saves twice: the server knows the
 * client id. An edit of a record that someone else saved since is not saved: it stays in
 * the queue, shown as a conflict, until the facilitator sends it over the saved record or
 * discards it. Online, the form posts as it always did.
 */
(function () {
  'use strict';
  const box = document.getElementById('offline-queue');
  const S = window.ConsultOffline;
  if (!box || !S || !window.indexedDB) return;
  const form = document.getElementById('interview-form');
  const user = box.dataset.user;
  const list = box.querySelector('ul');
  const SKIP = { csrf_token: true, row_version: true };
  const sent = [];
  let syncing = false;

  const t = (name) => box.dataset['t' + name.charAt(0).toUpperCase() + name.slice(1)] || '';
  const part = (name) => box.querySelector('[data-' + name + ']');

  function fields() {
    const values = {};
    Array.prototype.forEach.call(form.elements, (el) => {
      if (!el.name || SKIP[el.name] || ['submit', 'button', 'file', 'reset'].indexOf(el.type) >= 0) return;
      if (el.type === 'checkbox' || el.type === 'radio') {
        if (el.checked) (values[el.name] = values[el.name] || []).push(el.value);
      } else if (el.tagName === 'SELECT') {
        values[el.name] = Array.prototype.filter.call(el.options, (o) => o.selected).map((o) => o.value);
      } else {
        values[el.name] = el.value;
      }
    });
    return values;
  }

  function label(item) {
    const f = item.fields;
    const first = (name) => (Array.isArray(f[name]) ? f[name][0] : f[name]) || '';
    return [first('date'), first('settlement'), first('country')].filter(Boolean).join(' · ') ||
      t('untitled');
  }

  function mine() {
    return S.all('interviews').then((items) => items
      .filter((item) => item.user === user)
      .sort((a, b) => (a.saved < b.saved ? -1 : 1)));
  }

  function button(text, action) {
    const el = document.createElement('button');
    el.type = 'button';
    el.className = 'button';
    el.textContent = text;
    el.addEventListener('click', action);
    return el;
  }

  function link(text, href) {
    const el = document.createElement('a');
    el.href = href;
    el.textContent = text;
    return el;
  }

  function line(text, className) {
    const el = document.createElement('p');
    el.textContent = text;
    if (className) el.className = className;
    return el;
  }

  function render() {
    return mine().then((items) => {
      list.textContent = '';
      items.forEach((item) => {
        const li = document.createElement('li');
        li.dataset.clientId = item.client_id;
        li.dataset.state = item.state;
        li.appendChild(line(label(item)));
        if (item.state === 'conflict') {
          li.appendChild(line(t('conflict'), 'conflict'));
          (item.conflict.changes || []).forEach((change) => {
            li.appendChild(line(t('changed').replace('{who}', change.by || '—')
              .replace('{when}', change.at).replace('{fields}', change.fields.join(', '))));
          });
          const actions = document.createElement('p');
          actions.className = 'actions';
          actions.appendChild(link(t('open'), item.conflict.url));
          actions.appendChild(button(t('override'), () => override(item)));
          actions.appendChild(button(t('discard'), () => discard(item)));
          li.appendChild(actions);
        } else if (item.state === 'invalid') {
          li.appendChild(line(t('invalid'), 'conflict'));
          const problems = document.createElement('ul');
          Object.keys(item.errors || {}).forEach((name) => {
            const p = document.createElement('li');
            p.textContent = name + ': ' + [].concat(item.errors[name]).join(' ');
            problems.appendChild(p);
          });
          li.appendChild(problems);
          const actions = document.createElement('p');
          actions.className = 'actions';
          actions.appendChild(button(t('restore'), () => restoreIntoForm(item)));
          actions.appendChild(button(t('discard'), () => discard(item)));
          li.appendChild(actions);
        } else {
          li.appendChild(line(t('waiting')));
        }
        list.appendChild(li);
      });
      sent.forEach((done) => {
        const li = document.createElement('li');
        li.dataset.state = 'sent';
        li.appendChild(line(done.label));
        li.appendChild(link(t('sent'), done.url));
        list.appendChild(li);
      });
      const counter = part('queue-count');
      const waiting = items.length;
      counter.textContent = t('count').replace('{count}', String(waiting));
      counter.hidden = waiting === 0;
      part('offline-note').hidden = navigator.onLine;
      box.hidden = !(waiting || sent.length || !navigator.onLine ||
        !part('offline-kept').hidden || !part('queue-signin').hidden);
    }).catch(() => undefined);
  }

  function discard(item) {
    S.remove('interviews', item.client_id).then(render);
  }

  function override(item) {
    item.row_version = item.conflict.row_version;
    item.state = 'waiting';
    delete item.conflict;
    S.put('interviews', item).then(render).then(sync);
  }

  function restoreIntoForm(item) {
    // Hand the copy to the form's draft (interview_draft.js offers to restore it there).
    const key = 'consult:interview-draft:u' + user + ':' + (item.interview_id || 'new');
    try {
      window.localStorage.setItem(key, JSON.stringify({ saved: item.saved, values: item.fields }));
    } catch (error) {
      return;
    }
    S.remove('interviews', item.client_id).then(() => {
      window.location.assign(item.interview_id ? item.url : box.dataset.new);
    });
  }

  function keep(event) {
    if (navigator.onLine) return; // online: the form posts as it always did
    const submitter = event.submitter;
    if (submitter && submitter.name && submitter.name !== 'save') return;
    event.preventDefault();
    const id = form.dataset.interviewId ? parseInt(form.dataset.interviewId, 10) : null;
    const version = form.elements.row_version ? parseInt(form.elements.row_version.value, 10) : NaN;
    const item = {
      client_id: S.newId(),
      user: user,
      interview_id: id,
      row_version: Number.isNaN(version) ? null : version,
      url: window.location.pathname,
      fields: fields(),
      saved: new Date().toISOString(),
      state: 'waiting',
    };
    S.put('interviews', item).then(() => {
      try {
        window.localStorage.removeItem(form.dataset.draftKey);
      } catch (error) {
        // no draft storage: nothing to remove
      }
      if (!id) form.reset();
      part('offline-kept').hidden = false;
      return render();
    }).then(() => box.scrollIntoView({ block: 'nearest' }));
  }

  function token() {
    return fetch(box.dataset.sync, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    }).then((response) => {
      const json = response.ok && !response.redirected &&
        (response.headers.get('Content-Type') || '').indexOf('json') >= 0;
      return json ? response.json().then((body) => body.csrf_token) : null;
    });
  }

  function sendOne(item, csrf) {
    return fetch(box.dataset.sync, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRFToken': csrf },
      body: JSON.stringify({
        client_id: item.client_id,
        interview_id: item.interview_id,
        row_version: item.row_version,
        fields: item.fields,
      }),
    }).then((response) => response.json().catch(() => ({})).then((body) => {
      if (response.status === 200 || response.status === 201) {
        sent.push({ label: label(item), url: body.url });
        return S.remove('interviews', item.client_id);
      }
      if (response.status === 409 && body.conflict) {
        item.state = 'conflict';
        item.conflict = body.conflict;
        return S.put('interviews', item);
      }
      if (response.status === 422 || response.status === 400 || response.status === 404) {
        item.state = 'invalid';
        item.errors = body.errors || { '': [(body.error && body.error.message) || String(response.status)] };
        return S.put('interviews', item);
      }
      throw new Error('not sent: ' + response.status); // tried again later
    }));
  }

  function sync() {
    if (syncing || !navigator.onLine) return Promise.resolve();
    syncing = true;
    return mine().then((items) => {
      const waiting = items.filter((item) => item.state === 'waiting');
      if (!waiting.length) return undefined;
      return token().then((csrf) => {
        part('queue-signin').hidden = Boolean(csrf);
        part('queue-signin').textContent = csrf ? '' : t('signin');
        if (!csrf) return undefined;
        return waiting.reduce((chain, item) => chain.then(() => sendOne(item, csrf)), Promise.resolve());
      });
    }).catch(() => undefined).then(() => {
      syncing = false;
      return render();
    });
  }

  if (form) form.addEventListener('submit', keep);
  window.addEventListener('online', () => { render(); sync(); });
  window.addEventListener('offline', render);
  render().then(sync).then(() => {
    if (!navigator.onLine) return;
    const pages = [[box.dataset.new, box.dataset.new]];
    if (form && form.dataset.interviewId) pages.push([window.location.pathname, window.location.pathname]);
    S.cache(box.dataset.sw, pages).then((result) => {
      document.documentElement.dataset.offlineKept = String((result && result.kept) || 0);
    });
  });
})();
