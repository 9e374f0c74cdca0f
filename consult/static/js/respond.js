/* Questionnaire pages: show and hide questions as answers change, refilter choices and check
   constraints, with the expressions the server uses (id="form-logic", from to_ast()). The
   page works without this file; the server checks everything again. */
(function () {
  'use strict';
  const form = document.querySelector('.respond-form');
  const source = document.getElementById('form-logic');
  if (!form || !source || !window.ConsultExpr) return;
  const X = window.ConsultExpr;
  const logic = JSON.parse(source.textContent);
  const names = Object.keys(logic.q);
  const esc = (s) => (window.CSS && CSS.escape ? CSS.escape(s) : s.replace(/["\\\]\[]/g, '\\$&'));
  const byName = (n) => form.querySelectorAll('[name="' + esc(n) + '"]');
  const box = (key) => form.querySelector('[data-q="' + esc(key) + '"]');

  function read(field) {
    const inputs = Array.from(byName(field));
    if (!inputs.length) {
      const kept = logic.values[field.replace(/\[\d+\]$/, '')];
      const n = /\[(\d+)\]$/.exec(field);
      if (n && Array.isArray(kept)) return kept[n[1] - 1] == null ? '' : kept[n[1] - 1];
      return kept == null || Array.isArray(kept) ? '' : kept;
    }
    const first = inputs[0];
    if (first.type === 'radio') {
      const on = inputs.find((i) => i.checked && !i.disabled);
      return on ? on.value : '';
    }
    if (first.type === 'checkbox') {
      const picked = inputs.filter((i) => i.checked && !i.disabled).map((i) => i.value);
      return logic.q[field.replace(/\[\d+\]$/, '')].type === 'acknowledge'
        ? (picked.length ? 'OK' : '') : picked.join(' ');
    }
    if (first.tagName === 'SELECT' && inputs.length > 1) {
      return inputs.map((i) => i.value).filter(Boolean).join(' ');
    }
    return first.value.trim();
  }

  function instances(repeat) {
    const count = form.querySelector('[name="_n.' + esc(repeat) + '"]');
    return count ? parseInt(count.value, 10) || 0 : 0;
  }

  function attempt(ast, values, current, fallback, ctx) {
    try {
      return X.truthy(X.evaluate(ast, values, current, logic.names,
        Object.assign({ instances: logic.instances || {} }, ctx || {})));
    } catch (e) {
      return fallback;
    }
  }

  function message(key, text) {
    const el = form.querySelector('[data-msg-for="' + esc(key) + '"]');
    if (!el) return;
    if (text) {
      el.textContent = text;
      el.hidden = false;
    } else if (el.dataset.js === '1' || !el.hidden) {
      el.textContent = '';
      el.hidden = true;
    }
    if (text) el.dataset.js = '1';
  }

  function filterChoices(name, key, values, show, ctx) {
    const q = logic.q[name];
    if (!q.filter) return;
    const rows = logic.choices[name] || [];
    const holder = box(key);
    if (!holder) return;
    rows.forEach((row) => {
      const keep = show && attempt(q.filter, values, row, true, ctx);
      holder.querySelectorAll('[data-choice="' + esc(row.name) + '"]').forEach((el) => {
        el.hidden = !keep;
        const input = el.tagName === 'OPTION' ? el : el.querySelector('input');
        if (input) {
          input.disabled = !keep;
          if (!keep) {
            if (input.tagName === 'OPTION') input.selected = false;
            else input.checked = false;
          }
        }
      });
    });
  }

  function scopeFor(values, repeat, n) {
    const scope = Object.assign({}, values);
    names.forEach((name) => {
      if (logic.q[name].rep === repeat) scope[name] = read(name + '[' + n + ']');
    });
    const up = (logic.parents || {})[repeat];
    if (up) {
      // a repeat inside a repeat: the enclosing instance's answers too
      const outer = scopeFor(values, up[0], parseInt(read(up[1] + '[' + n + ']'), 10) || 1);
      names.forEach((name) => {
        if (logic.q[name].rep && logic.q[name].rep !== repeat) scope[name] = outer[name];
      });
    }
    return scope;
  }

  function update(changed) {
    const values = Object.assign({}, logic.values);
    const shown = [];
    names.forEach((name) => {
      if (!logic.q[name].rep) values[name] = read(name);
    });
    names.forEach((name) => {
      const q = logic.q[name];
      if (q.rep) {
        const lists = [];
        for (let n = 1; n <= instances(q.rep); n += 1) {
          const scope = scopeFor(values, q.rep, n), ctx = { position: n, whole: values };
          const on = !q.rel || attempt(q.rel, scope, undefined, true, ctx);
          const el = box(name + '[' + n + ']');
          if (el) el.hidden = !on;
          filterChoices(name, name + '[' + n + ']', scope, on, ctx);
          lists.push(on ? scope[name] : '');
          if (on) {
            shown.push(name + '[' + n + ']');
            checkConstraint(q, name + '[' + n + ']', scope, changed, ctx);
          }
        }
        values[name] = lists;
        return;
      }
      const ctx = { whole: values };
      const on = !q.rel || attempt(q.rel, values, undefined, true, ctx);
      const el = box(name);
      if (el) el.hidden = !on;
      if (!on) values[name] = '';
      else {
        shown.push(name);
        filterChoices(name, name, values, true, ctx);
        values[name] = read(name);
        checkConstraint(q, name, values, changed, ctx);
      }
    });
    Object.keys(logic.g).forEach((path) => {
      const heading = form.querySelector('[data-g="' + esc(path) + '"]');
      if (heading) heading.hidden = !attempt(logic.g[path], values, undefined, true);
    });
    form.querySelectorAll('[data-matrix]').forEach((matrix) => {
      matrix.hidden = !matrix.querySelector('tr[data-q]:not([hidden])');
    });
    const field = form.querySelector('input[name="shown"]');
    if (field) field.value = shown.join(' ');
  }

  function checkConstraint(q, key, values, changed, ctx) {
    const value = read(key);
    if (value === '') {
      if (changed === key) message(key, '');
      return;
    }
    if (!q.con) {
      if (changed === key) message(key, '');
      return;
    }
    const ok = attempt(q.con, values, value, true, ctx);
    if (!ok && changed === key) message(key, q.msg);
    if (ok) message(key, '');
  }

  function onChange(event) {
    const target = event.target;
    if (!target || !target.name || target.name === 'shown') return;
    update(target.name);
  }

  // For the offline mode (respond_offline.js): read the page's answers, and take the
  // answers of other pages from the browser's store instead of the server's copy.
  window.ConsultRespond = {
    logic: logic,
    read: read,
    instances: instances,
    refresh: function (values) {
      Object.keys(values || {}).forEach((name) => {
        if (!logic.q[name]) logic.values[name] = values[name];
      });
      update(null);
    },
  };

  form.addEventListener('change', onChange);
  form.addEventListener('input', (event) => {
    const t = event.target;
    if (t && (t.tagName === 'TEXTAREA' || t.type === 'text')) update(null);
  });
  update(null);
})();
