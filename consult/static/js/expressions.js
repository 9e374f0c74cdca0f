/* Evaluates trees from surveys/expressions.py to_ast() by the same XPath/ODK rules as the
   server: ConsultExpr.evaluate(ast, values, current, names) -> value, .truthy(v) */
(function () {
  'use strict';
  const WS = /[ \t\n\r]+/;
  const NUM = /^-?(\d+(\.\d*)?|\.\d+)$/;
  const DAY = 864e5;
  const isNum = (v) => typeof v === 'number';
  const trim = (s) => s.replace(/^[ \t\n\r]+|[ \t\n\r]+$/g, '');
  const ymd = (d) => d.toISOString().slice(0, 10);

  function days(s) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (!m || +m[1] < 1) return NaN;
    const d = new Date(0);
    d.setUTCFullYear(+m[1], m[2] - 1, +m[3]);
    return ymd(d) === s ? d.getTime() / DAY : NaN;
  }

  function fromDays(n) {
    const d = new Date(Math.trunc(n) * DAY), y = d.getUTCFullYear();
    return y >= 1 && y <= 9999 ? ymd(d) : '';
  }

  function number(v) {
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (isNum(v)) return v;
    if (Array.isArray(v)) return v.length ? number(v[0]) : NaN;
    const s = trim(String(v));
    return NUM.test(s) ? parseFloat(s) : days(s);
  }

  // XPath writes numbers without exponent
  function format(x) {
    if (x !== x) return 'NaN';
    if (!isFinite(x)) return x < 0 ? '-Infinity' : 'Infinity';
    const s = String(x), m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
    if (!m) return s;
    const digits = m[2] + (m[3] || ''), e = +m[4];
    return m[1] + (e < 0 ? '0.' + '0'.repeat(-e - 1) + digits
      : digits + '0'.repeat(e - digits.length + 1));
  }

  function string(v) {
    if (typeof v === 'string') return v;
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    if (isNum(v)) return format(v);
    if (Array.isArray(v)) return v.length ? string(v[0]) : '';
    return v == null ? '' : String(v);
  }

  function truthy(v) {
    if (typeof v === 'boolean') return v;
    if (isNum(v)) return v !== 0 && v === v;
    if (Array.isArray(v)) return v.length > 0;
    return string(v) !== '';
  }

  const flat = (args) => [].concat(...args.map((a) => (Array.isArray(a) ? a : [a])));
  const chars = (v) => Array.from(string(v));
  const split = (s) => s.split(WS).filter(Boolean);
  const choices = (v) => split(Array.isArray(v) ? v.map(string).join(' ') : string(v));
  const empty = (v) => (isNum(v) ? v !== v : string(v) === '');
  const numbers = (args) => flat(args).map(number).filter((x) => x === x);
  const extreme = (xs, f) => (xs.length ? f(...xs) : NaN);
  const index = (x) => (x === x ? Math.trunc(x) : 0); // Java's (int) cast
  const xround = (x) => (isFinite(x) ? Math.round(x) : x); // ties towards +Infinity
  const regexes = new Map();
  const regex = (p) => regexes.get(p) || regexes.set(p, new RegExp('^(?:' + p + ')$')).get(p);

  function round(v, digits) {
    const x = number(v);
    let d = digits === undefined ? 0 : number(digits);
    d = d === d ? Math.trunc(d) : 0;
    if (!isFinite(x)) return x;
    if (!(Math.abs(d) <= 30)) return NaN;
    // move the printed point: 2.675 rounds as typed
    const p = String(x).split('e'), s = Number(p[0] + 'e' + ((+p[1] || 0) + d));
    if (Math.abs(s) >= 2 ** 52) return x;
    let r = Math.floor(s);
    if (s - r >= 0.5) r += 1;
    return Number(r + 'e' + -d);
  }

  // '${name}' or /path/name
  const question = (v) => trim(trim(string(v)).replace(/^\$\{([^]*)\}$/, '$1')).split('/').pop();

  function toDate(v) {
    if (Array.isArray(v)) v = v.length ? v[0] : '';
    if (isNum(v)) return fromDays(v);
    const s = trim(string(v)), m = /^(\d{4}-\d{2}-\d{2})(T[^]*)?$/.exec(s);
    if (m) return days(m[1]) === days(m[1]) ? m[1] : '';
    return NUM.test(s) ? fromDays(parseFloat(s)) : '';
  }

  const today = () => ymd(new Date(Date.now() - new Date().getTimezoneOffset() * 6e4)); // local

  const F = {
    true: () => true,
    false: () => false,
    not: (v) => !truthy(v),
    boolean: truthy,
    'boolean-from-string': (v) => /^(1|true)$/i.test(string(v)),
    coalesce: (...a) => a.filter((x) => !empty(x)).concat(a.slice(-1))[0],
    number,
    string,
    int: (v) => Math.trunc(number(v)),
    round,
    floor: (v) => Math.floor(number(v)),
    ceiling: (v) => Math.ceil(number(v)),
    abs: (v) => Math.abs(number(v)),
    pow: (a, b) => Math.pow(number(a), number(b)),
    min: (...a) => extreme(numbers(a), Math.min),
    max: (...a) => extreme(numbers(a), Math.max),
    sum: (v) => numbers([v]).reduce((t, x) => t + x, 0),
    count: (v) => (Array.isArray(v) ? v.length : v === '' ? 0 : 1),
    'count-non-empty': (v) => flat([v]).filter((x) => !empty(x)).length,
    selected: (v, code) => choices(v).includes(trim(string(code))),
    'count-selected': (v) => choices(v).length,
    'selected-at': (v, i) => choices(v)[index(number(i))] || '',
    'string-length': (v) => chars(v).length,
    'normalize-space': (v) => split(string(v)).join(' '),
    contains: (a, b) => string(a).includes(string(b)),
    'starts-with': (a, b) => string(a).startsWith(string(b)),
    'ends-with': (a, b) => string(a).endsWith(string(b)),
    substr: (s, a, b) => chars(s).slice(index(number(a)), b === undefined ? Infinity
      : index(number(b))).join(''),
    substring: (s, a, b) => {
      const i = xround(number(a)), j = b === undefined ? Infinity : i + xround(number(b));
      return chars(s).filter((_, k) => k + 1 >= i && k + 1 < j).join('');
    },
    concat: (...a) => flat(a).map(string).join(''),
    join: (sep, ...a) => flat(a).map(string).join(string(sep)),
    regex: (s, p) => regex(string(p)).test(string(s)),
    today,
    date: toDate,
    'jr:choice-name': function (v, q) {
      const m = own(this.names, question(q));
      return typeof m === 'object' ? string(own(m, trim(string(v)))) : '';
    },
  };

  function compare(op, a, b) {
    const eq = op === '=' || op === '!=';
    const rel = (x, y) => (op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : x >= y);
    if (typeof a === 'boolean' || typeof b === 'boolean') {
      return eq ? (truthy(a) === truthy(b)) === (op === '=') : rel(number(a), number(b));
    }
    if (Array.isArray(a)) return a.some((x) => compare(op, x, b));
    if (Array.isArray(b)) return b.some((y) => compare(op, a, y));
    const numeric = isNum(a) || isNum(b), x = number(a), y = number(b);
    if (eq) {
      const same = numeric ? x === y || Math.abs(x - y) < 1e-12 : string(a) === string(b);
      return same === (op === '=');
    }
    if (numeric || (x === x && y === y)) return rel(x, y);
    return string(a) !== '' && string(b) !== '' && rel(string(a), string(b));
  }

  function arithmetic(op, a, b) {
    const x = number(a), y = number(b);
    if (op === '+') return x + y;
    if (op === '-') return x - y;
    if (op === '*') return x * y;
    return op === 'div' ? x / y : x % y;
  }

  const own = (o, k) => (({}).hasOwnProperty.call(o, k) && o[k] != null ? o[k] : '');

  function ev(n, c) {
    switch (n.t) {
      case 'num': case 'str': return n.v;
      case 'ref': return own(c.values, n.n);
      case 'field': return own(c.fields, n.n);
      case 'cur': return c.current;
      case 'neg': return -number(ev(n.a, c));
      case 'op':
        if (n.op === 'and') return truthy(ev(n.a, c)) && truthy(ev(n.b, c));
        if (n.op === 'or') return truthy(ev(n.a, c)) || truthy(ev(n.b, c));
        return /[=<>]/.test(n.op) ? compare(n.op, ev(n.a, c), ev(n.b, c))
          : arithmetic(n.op, ev(n.a, c), ev(n.b, c));
      case 'fn':
        if (n.n === 'if') return ev(n.args[truthy(ev(n.args[0], c)) ? 1 : 2], c);
        if (!own(F, n.n)) throw new Error('unknown function ' + n.n);
        return F[n.n].apply(c, n.args.map((a) => ev(a, c)));
    }
    throw new Error('bad node ' + n.t);
  }

  function evaluate(ast, values, current, names) {
    const row = current != null && typeof current === 'object' && !Array.isArray(current);
    const cur = row || current == null ? '' : current;
    return ev(ast, { values: values || {}, fields: row ? current : {}, current: cur,
      names: names || {} });
  }

  const api = { evaluate, truthy, string, number };
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
  if (typeof window !== 'undefined') window.ConsultExpr = api;
})();
