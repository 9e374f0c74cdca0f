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
    if (v != null && typeof v === 'object') return Object.keys(v).map((k) => string(v[k])).join('');
    return v == null ? '' : String(v);
  }

  function truthy(v) {
    if (typeof v === 'boolean') return v;
    if (isNum(v)) return v !== 0 && v === v;
    if (Array.isArray(v)) return v.length > 0;
    return string(v) !== '';
  }

  const flat = (args) => [].concat(...args.map((a) => (Array.isArray(a) ? flat(a) : [a])));
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

  // 12 significant digits: browsers' math libraries may differ from the server's in the last bit
  const d12 = (x) => (isFinite(x) ? Number(x.toPrecision(12)) : x);
  const mathFn = (f, edge) => (v) => { const x = number(v), r = d12(f(x)); return r === r ? r : edge ? edge(x) : r; };
  const logEdge = (x) => (x === 0 ? -Infinity : NaN);
  const strFind = (a, b) => string(a).indexOf(string(b));
  const checked = (v) => (typeof v === 'boolean' ? v : number(v) > 0);
  const within = (t, lo, hi) => { const l = number(lo), h = number(hi);
    return (l === -1 || t >= l) && (h === -1 || t <= h); };
  const pad = (n, w) => String(n).padStart(w, '0');
  const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
  const DAYS = 'Sun Mon Tue Wed Thu Fri Sat'.split(' ');
  const DT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
  const TM = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})?$/;
  const RAD = Math.PI / 180, R = 6378137;
  const ms3 = (s) => +(s || '0').slice(0, 3).padEnd(3, '0');

  function offset(t) {
    if (!t) return null;
    if (t === 'Z') return 0;
    const d = t.slice(1).replace(':', ''), m = +d.slice(0, 2) * 60 + +d.slice(2);
    return t[0] === '-' ? -m : m;
  }

  function moment(v) {
    if (Array.isArray(v)) v = v.length ? v[0] : '';
    if (typeof v === 'boolean') return null;
    if (isNum(v)) {
      if (!isFinite(v)) return null;
      const w = Math.floor(v), t = fromDays(w);
      if (!t) return null;
      const ms = Math.min(Math.floor((v - w) * 864e5 + 0.5), 86399999), p = t.split('-');
      return [+p[0], +p[1], +p[2], Math.floor(ms / 36e5), Math.floor(ms / 6e4) % 60,
        Math.floor(ms / 1000) % 60, ms % 1000, null];
    }
    const m = DT.exec(trim(string(v)));
    if (!m || days(m[1] + '-' + m[2] + '-' + m[3]) !== days(m[1] + '-' + m[2] + '-' + m[3])) return null;
    const h = +(m[4] || 0), mi = +(m[5] || 0), se = +(m[6] || 0);
    if (h > 23 || mi > 59 || se > 59) return null;
    return [+m[1], +m[2], +m[3], h, mi, se, ms3(m[7]), offset(m[8])];
  }

  function formatMoment(v, f, withTime) {
    const t = moment(v);
    if (!t) return '';
    const wd = (((days(pad(t[0], 4) + '-' + pad(t[1], 2) + '-' + pad(t[2], 2)) + 4) % 7) + 7) % 7;
    const k = { Y: pad(t[0], 4), y: pad(t[0] % 100, 2), m: pad(t[1], 2), n: String(t[1]),
      b: MONTHS[t[1] - 1], d: pad(t[2], 2), e: String(t[2]), a: DAYS[wd] };
    if (withTime) Object.assign(k, { H: pad(t[3], 2), h: String(t[3]), M: pad(t[4], 2),
      S: pad(t[5], 2), 3: pad(t[6], 3) });
    const s = string(f);
    let out = '';
    for (let i = 0; i < s.length; i += 1) {
      if (s[i] === '%' && i + 1 < s.length && own(k, s[i + 1]) !== '') { out += k[s[i + 1]]; i += 1; }
      else out += s[i];
    }
    return out;
  }

  function points(v) {
    const out = [];
    for (const text of flat([v]).map(string)) {
      for (const part of text.split(';')) {
        const n = part.split(WS).filter(Boolean);
        if (n.length < 2) continue;
        const la = number(n[0]), lo = number(n[1]);
        if (la !== la || lo !== lo) return [];
        out.push([la, lo]);
      }
    }
    return out;
  }

  function distance(v) {
    const p = points(v);
    if (p.length < 2) return NaN;
    let t = 0;
    for (let i = 1; i < p.length; i += 1) {
      const a1 = p[i - 1][0] * RAD, a2 = p[i][0] * RAD, dp = a2 - a1, dl = (p[i][1] - p[i - 1][1]) * RAD;
      const hp = Math.sin(dp / 2), hl = Math.sin(dl / 2);
      const a = hp * hp + Math.cos(a1) * Math.cos(a2) * hl * hl;
      t += 2 * R * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }
    return d12(t);
  }

  function area(v) {
    const p = points(v);
    if (p.length < 3) return NaN;
    let t = 0;
    p.forEach((a, i) => {
      const b = p[(i + 1) % p.length];
      t += (b[1] - a[1]) * RAD * (2 + Math.sin(a[0] * RAD) + Math.sin(b[0] * RAD));
    });
    return d12(Math.abs(t * R * R / 2));
  }

  function randomize(v, seed) {
    const items = flat([v]), out = [];
    let state = seed === undefined ? 0 : number(seed);
    state = isFinite(state) ? Math.trunc(state) % 2147483647 : 0;
    if (state <= 0) state += 2147483646;
    items.forEach((item, i) => {
      let j;
      if (seed === undefined) j = Math.floor(Math.random() * (i + 1));
      else { state = (state * 16807) % 2147483647; j = Math.floor(((state - 1) / 2147483646) * (i + 1)); }
      if (j === i) out.push(item);
      else { out.push(out[j]); out[j] = item; }
    });
    return out;
  }

  function b64(v) {
    const s = string(v).replace(/[ \t\n\r]+/g, '');
    if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s)) return '';
    const bin = atob(s), bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i += 1) bytes[i] = bin.charCodeAt(i);
    return new TextDecoder('utf-8').decode(bytes);
  }

  function now() {
    const d = new Date(), o = -d.getTimezoneOffset(), a = Math.abs(o);
    const local = new Date(d.getTime() + o * 6e4).toISOString().slice(0, 23);
    return local + (o < 0 ? '-' : '+') + pad(Math.floor(a / 60), 2) + ':' + pad(a % 60, 2);
  }

  function uuid(n) {
    const hex = '0123456789abcdef', al = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const pick = (set) => set[Math.floor(Math.random() * set.length)];
    if (n === undefined) {
      return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) =>
        (c === 'x' ? pick(hex) : pick('89ab')));
    }
    let s = '';
    for (let i = Math.max(0, Math.min(index(number(n)), 1000)); i > 0; i -= 1) s += pick(al);
    return s;
  }

  // SHA-1 and SHA-256 (MD5, SHA-384 and SHA-512 are left to the server)
  function sha(bytes, big) {
    const rotr = (x, n) => (x >>> n) | (x << (32 - n)), rotl = (x, n) => (x << n) | (x >>> (32 - n));
    const K = [], H = big ? [] : [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
    if (big) {
      const primes = [];
      for (let n = 2; primes.length < 64; n += 1) if (primes.every((p) => n % p)) primes.push(n);
      const frac = (x) => ((x - Math.floor(x)) * 4294967296) | 0;
      primes.forEach((p, i) => { K.push(frac(Math.cbrt(p))); if (i < 8) H.push(frac(Math.sqrt(p))); });
    }
    const len = bytes.length, total = ((len + 8) >> 6) + 1, w = new Array(total * 16).fill(0);
    for (let i = 0; i < len; i += 1) w[i >> 2] |= bytes[i] << (24 - (i % 4) * 8);
    w[len >> 2] |= 0x80 << (24 - (len % 4) * 8);
    w[total * 16 - 1] = len * 8;
    w[total * 16 - 2] = Math.floor(len / 536870912);
    for (let b = 0; b < w.length; b += 16) {
      const x = w.slice(b, b + 16), h = H.slice();
      for (let t = 16; t < (big ? 64 : 80); t += 1) {
        if (big) {
          const s0 = rotr(x[t - 15], 7) ^ rotr(x[t - 15], 18) ^ (x[t - 15] >>> 3);
          const s1 = rotr(x[t - 2], 17) ^ rotr(x[t - 2], 19) ^ (x[t - 2] >>> 10);
          x[t] = (x[t - 16] + s0 + x[t - 7] + s1) | 0;
        } else x[t] = rotl(x[t - 3] ^ x[t - 8] ^ x[t - 14] ^ x[t - 16], 1);
      }
      for (let t = 0; t < x.length; t += 1) {
        if (big) {
          const [a, bb, cc, d, e, f, g, hh] = h;
          const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[t] + x[t]) | 0;
          const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & bb) ^ (a & cc) ^ (bb & cc))) | 0;
          h.splice(0, 8, (t1 + t2) | 0, a, bb, cc, (d + t1) | 0, e, f, g);
        } else {
          const [a, bb, cc, d, e] = h, q = Math.floor(t / 20);
          const f = q === 0 ? (bb & cc) | (~bb & d) : q === 2 ? (bb & cc) | (bb & d) | (cc & d) : bb ^ cc ^ d;
          const k = [0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xca62c1d6][q];
          h.splice(0, 5, (rotl(a, 5) + f + e + k + x[t]) | 0, a, rotl(bb, 30), cc, d);
        }
      }
      for (let i = 0; i < H.length; i += 1) H[i] = (H[i] + h[i]) | 0;
    }
    const out = [];
    H.forEach((v) => out.push((v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255));
    return out;
  }

  function digest(src, alg, enc) {
    const a = trim(string(alg)).toLowerCase(), e = enc === undefined ? 'base64' : trim(string(enc)).toLowerCase();
    if (a !== 'sha-1' && a !== 'sha-256') throw new Error('digest ' + a);
    if (e !== 'hex' && e !== 'base64') throw new Error('encoding ' + e);
    const d = sha(new TextEncoder().encode(string(src)), a === 'sha-256');
    return e === 'hex' ? d.map((b) => pad(b.toString(16), 2)).join('') : btoa(String.fromCharCode.apply(null, d));
  }

  Object.assign(F, {
    digest,
    sqrt: (v) => Math.sqrt(number(v)),
    exp: mathFn(Math.exp),
    exp10: (v) => F.pow(10, v),
    log: mathFn(Math.log, logEdge),
    log10: mathFn(Math.log10, logEdge),
    sin: mathFn(Math.sin),
    cos: mathFn(Math.cos),
    tan: mathFn(Math.tan),
    asin: mathFn(Math.asin),
    acos: mathFn(Math.acos),
    atan: mathFn(Math.atan),
    atan2: (y, x) => d12(Math.atan2(number(y), number(x))),
    pi: () => Math.PI,
    'substring-before': (a, b) => (strFind(a, b) >= 0 ? string(a).slice(0, strFind(a, b)) : ''),
    'substring-after': (a, b) => (strFind(a, b) >= 0
      ? string(a).slice(strFind(a, b) + string(b).length) : ''),
    translate: (s, from, to) => {
      const map = new Map(), t = Array.from(string(to));
      Array.from(string(from)).forEach((c, i) => { if (!map.has(c)) map.set(c, i < t.length ? t[i] : null); });
      return chars(s).map((c) => (map.has(c) ? map.get(c) || '' : c)).join('');
    },
    checklist: (lo, hi, ...v) => within(flat(v).filter(checked).length, lo, hi),
    'weighted-checklist': (lo, hi, ...v) => {
      let t = 0;
      for (let i = 0; i + 1 < v.length; i += 2) if (checked(v[i])) t += number(v[i + 1]);
      return within(t, lo, hi);
    },
    'base64-decode': b64,
    uuid,
    random: Math.random,
    now,
    'format-date': (v, f) => formatMoment(v, f, false),
    'format-date-time': (v, f) => formatMoment(v, f, true),
    'decimal-date-time': (v) => {
      const t = moment(v);
      if (!t) return NaN;
      if (isNum(v)) return v;
      const s = t[3] * 3600 + t[4] * 60 + t[5] + t[6] / 1000 - (t[7] || 0) * 60;
      return days(pad(t[0], 4) + '-' + pad(t[1], 2) + '-' + pad(t[2], 2)) + s / 86400;
    },
    'decimal-time': (v) => {
      const m = TM.exec(trim(string(v)));
      if (!m || +m[1] > 23 || +m[2] > 59 || +(m[3] || 0) > 59) return NaN;
      return (+m[1] * 3600 + +m[2] * 60 + +(m[3] || 0) + ms3(m[4]) / 1000) / 86400;
    },
    area,
    distance,
    randomize,
  });

  function rows(c, id) {
    const r = own(c.instances, trim(string(id)));
    return Array.isArray(r) ? r : [];
  }

  // functions that need the context: the current value, instances, repeat position
  const CTX = {
    once: (n, c) => (empty(c.current) ? ev(n.args[0], c) : c.current),
    position: (n, c) => (c.position ? c.position : NaN),
    current: (n, c) => c.current,
    instance: (n, c) => rows(c, ev(n.args[0], c)).slice(),
    pulldata: (n, c) => {
      const a = n.args.map((x) => ev(x, c)), want = string(a[3]);
      const row = rows(c, a[0]).find((r) => string(own(r, string(a[2]))) === want);
      return row ? string(own(row, string(a[1]))) : '';
    },
    'indexed-repeat': (n, c) => {
      let item = n.args[0].t === 'ref' ? own(c.whole || c.values, n.args[0].n) : ev(n.args[0], c);
      for (let i = 2; i < n.args.length; i += 2) {
        const k = index(number(ev(n.args[i], c)));
        if (!Array.isArray(item) || k < 1 || k > item.length) return '';
        item = item[k - 1];
      }
      return item;
    },
  };

  function path(n, c) {
    let rs = ev(n.a, c), out = [];
    if (!Array.isArray(rs)) rs = [];
    for (let d = 0; d < n.s.length; d += 1) {
      const st = n.s[d];
      if (d === 0) { st.p.forEach((p) => { if (!truthy(ev(p, c))) rs = []; }); continue; }
      if (d === 1) {
        st.p.forEach((p) => {
          rs = rs.filter((r, i) => {
            const v = ev(p, Object.assign({}, c, { fields: r, position: i + 1 }));
            return isNum(v) ? v === i + 1 : truthy(v);
          });
        });
        out = rs;
        continue;
      }
      if (d === 2) { out = rs.filter((r) => ({}).hasOwnProperty.call(r, st.n)).map((r) => own(r, st.n)); continue; }
      return [];
    }
    return out;
  }

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
      case 'parent': return '';
      case 'path': return path(n, c);
      case 'fn':
        if (n.n === 'if') return ev(n.args[truthy(ev(n.args[0], c)) ? 1 : 2], c);
        if (own(CTX, n.n)) return CTX[n.n](n, c);
        if (!own(F, n.n)) throw new Error('unknown function ' + n.n);
        return F[n.n].apply(c, n.args.map((a) => ev(a, c)));
    }
    throw new Error('bad node ' + n.t);
  }

  // ctx: { instances: {id: [rows]}, position: repeat instance from 1, whole: values with lists }
  function evaluate(ast, values, current, names, ctx) {
    const row = current != null && typeof current === 'object' && !Array.isArray(current);
    const cur = row || current == null ? '' : current;
    const x = ctx || {};
    return ev(ast, { values: values || {}, fields: row ? current : {}, current: cur,
      names: names || {}, instances: x.instances || {}, position: x.position || 0,
      whole: x.whole || null });
  }

  const api = { evaluate, truthy, string, number };
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
  if (typeof window !== 'undefined') window.ConsultExpr = api;
})();
