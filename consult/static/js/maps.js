/* Maps drawn with Leaflet (vendor/leaflet) over the range states' outlines the app ships
   (/map/boundaries.geojson); a tile layer only where the deployment configured one.

   1. Location questions (.geo-map next to the text field; map_loader.js loads this file when
      the respondent asks for a map): click to set a point, or to add
      the points of a line or an area; undo, clear, "use my location". The text field stays
      the answer: the map writes ODK's "lat lon alt acc" into it and redraws from what is
      typed. Without this script the field works alone.
   2. Maps of location answers (.locations-map, data-locations naming a JSON script of
      GeoJSON features): popups with the response's reference linking to it.
   Texts come translated from the page (#map-settings); answers are set as text, never HTML. */
(function () {
  'use strict';
  const source = document.getElementById('map-settings');
  if (!window.L || !source) return;
  const S = JSON.parse(source.textContent);
  L.Icon.Default.imagePath = S.images;
  /* The range states, from the Caspian to Mongolia and the Himalaya. */
  const REGION = L.latLngBounds([[23, 44], [56, 122]]);
  let outlines = null;

  function boundaries() {
    if (!outlines) {
      outlines = fetch(S.boundaries, { credentials: 'same-origin' })
        .then((r) => (r.ok ? r.json() : null))
        .catch(() => null);
    }
    return outlines;
  }

  function newMap(canvas) {
    const map = L.map(canvas, { worldCopyJump: false, minZoom: 2, maxZoom: 16 });
    map.fitBounds(REGION);
    if (S.tiles) {
      L.tileLayer(S.tiles, { attribution: S.attribution, maxZoom: 16 }).addTo(map);
    }
    if (window.ResizeObserver) {
      /* A question shown later by a relevance rule had no size when the map was made. */
      new ResizeObserver(() => map.invalidateSize()).observe(canvas);
    }
    return map;
  }

  function drawOutlines(map, labelled) {
    return boundaries().then((data) => {
      if (!data) return null;
      const layer = L.geoJSON(data, {
        interactive: false,
        style: (f) => (f.properties.range_state
          ? { color: '#6b7b8c', weight: 1, fillColor: '#fbfaf3', fillOpacity: S.tiles ? 0.1 : 1 }
          : { color: '#a9b3bc', weight: 0.6, fillColor: '#e3e6e8', fillOpacity: S.tiles ? 0 : 1 }),
      }).addTo(map);
      layer.bringToBack();
      if (labelled) {
        layer.eachLayer((l) => {
          const code = l.feature.properties.code;
          if (l.feature.properties.range_state && S.names[code]) {
            L.tooltip({ permanent: true, direction: 'center', className: 'map-label' })
              .setLatLng(l.getBounds().getCenter()).setContent(S.names[code]).addTo(map);
          }
        });
      }
      return layer;
    });
  }

  /* ---- 1. The location widget --------------------------------------------------------- */

  function number(text) {
    const n = Number(String(text).replace(',', '.'));
    return text !== '' && Number.isFinite(n) ? n : null;
  }

  function parse(text) {
    const points = [];
    for (const part of text.split(/[;\n]+/)) {
      const bits = part.trim().split(/[\s,]+/).filter(Boolean);
      if (!bits.length) continue;
      if (bits.length < 2 || bits.length > 4) return null;
      const n = bits.map(number);
      if (n.some((x) => x === null)) return null;
      if (Math.abs(n[0]) > 90 || Math.abs(n[1]) > 180) return null;
      points.push([n[0], n[1], n[2] || 0, n[3] || 0]);
    }
    return points;
  }

  const short = (x, digits) => String(Number(x.toFixed(digits)));
  const format = (p) => [short(p[0], 6), short(p[1], 6), short(p[2], 1), short(p[3], 1)].join(' ');

  function widget(box) {
    const input = document.getElementById(box.dataset.geoField);
    if (!input || box.querySelector('.map-canvas')) return;
    const kind = box.dataset.geoKind;
    const single = kind === 'geopoint';
    box.hidden = false;
    const canvas = document.createElement('div');
    canvas.className = 'map-canvas';
    canvas.dir = 'ltr';
    canvas.setAttribute('aria-label', single ? S.text.map : S.text.map_line);
    canvas.setAttribute('role', 'application');
    box.appendChild(canvas);
    const tools = document.createElement('div');
    tools.className = 'map-tools';
    box.appendChild(tools);
    const status = document.createElement('p');
    status.className = 'hint map-status';
    status.setAttribute('aria-live', 'polite');
    box.appendChild(status);
    const button = (text, name, action) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'button';
      b.dataset.mapAction = name;
      b.textContent = text;
      b.addEventListener('click', action);
      tools.appendChild(b);
      return b;
    };

    const map = newMap(canvas);
    drawOutlines(map, false);
    const drawn = L.layerGroup().addTo(map);
    let points = parse(input.value) || [];

    function draw() {
      drawn.clearLayers();
      const latlngs = points.map((p) => [p[0], p[1]]);
      if (!latlngs.length) return;
      if (single) {
        L.marker(latlngs[0], { keyboard: false }).addTo(drawn);
        return;
      }
      if (latlngs.length > 1) {
        (kind === 'geoshape' ? L.polygon : L.polyline)(latlngs, { color: '#b3261e', weight: 3 })
          .addTo(drawn);
      }
      latlngs.forEach((ll) => L.circleMarker(ll, { radius: 5, color: '#b3261e' }).addTo(drawn));
    }

    function write() {
      input.value = points.map(format).join(single ? '' : ';\n');
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
      draw();
    }

    function show() {
      if (!points.length) return;
      const bounds = L.latLngBounds(points.map((p) => [p[0], p[1]]));
      map.fitBounds(bounds.pad(0.5), { maxZoom: 5 });
    }

    map.on('click', (e) => {
      const ll = e.latlng.wrap();
      const p = [ll.lat, ll.lng, 0, 0];
      points = single ? [p] : points.concat([p]);
      status.textContent = '';
      write();
    });
    input.addEventListener('input', (e) => {
      if (!e.isTrusted) return;
      const typed = parse(input.value);
      if (typed) {
        points = typed;
        draw();
      }
    });
    input.addEventListener('change', (e) => {
      if (e.isTrusted) show();
    });

    if (navigator.geolocation && window.isSecureContext !== false) {
      const locate = button(S.text.locate, 'locate', () => {
        status.textContent = S.text.locating;
        locate.disabled = true;
        navigator.geolocation.getCurrentPosition((pos) => {
          const c = pos.coords;
          const p = [c.latitude, c.longitude, c.altitude || 0, c.accuracy || 0];
          points = single ? [p] : points.concat([p]);
          status.textContent = '';
          locate.disabled = false;
          write();
          show();
        }, () => {
          status.textContent = S.text.no_location;
          locate.disabled = false;
        }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
      });
    }
    if (!single) {
      button(S.text.undo, 'undo', () => {
        points = points.slice(0, -1);
        write();
      });
    }
    button(S.text.clear, 'clear', () => {
      points = [];
      write();
    });
    draw();
    show();
  }

  /* ---- 2. Maps of location answers ------------------------------------------------------ */

  const COLOURS = { poaching: '#b3261e', infrastructure: '#8a4b00' };

  function colour(props) {
    const hit = (props.threats || []).find((t) => COLOURS[t]);
    return hit ? COLOURS[hit] : '#1f5f8b';
  }

  function popup(props, text) {
    const box = document.createElement('div');
    box.className = 'map-popup';
    const link = document.createElement('a');
    link.href = props.url;
    link.textContent = text.reference + ' ' + props.reference;
    box.appendChild(link);
    const list = document.createElement('dl');
    const rows = [
      [text.country, props.country_name], [text.group, props.group_name],
      [text.species, (props.species_names || []).join(', ')],
      [text.threats, (props.threat_names || []).join(', ')], [text.question, props.label],
    ];
    for (const [term, value] of rows) {
      if (!value) continue;
      const dt = document.createElement('dt');
      dt.textContent = term;
      const dd = document.createElement('dd');
      dd.textContent = value;
      list.append(dt, dd);
    }
    box.appendChild(list);
    return box;
  }

  function locationsMap(el) {
    const data = JSON.parse(document.getElementById(el.dataset.locations).textContent);
    el.dir = 'ltr';
    const map = newMap(el);
    const layer = L.geoJSON(data, {
      style: (f) => ({ color: colour(f.properties), weight: 3, fillOpacity: 0.25 }),
      pointToLayer: (f, ll) => L.circleMarker(ll, {
        radius: 6, color: colour(f.properties), fillOpacity: 0.7,
      }),
      onEachFeature: (f, l) => l.bindPopup(() => popup(f.properties, data.text)),
    }).addTo(map);
    drawOutlines(map, true).then((outline) => {
      const country = el.dataset.country;
      if (country && outline) {
        outline.eachLayer((l) => {
          if (l.feature.properties.code === country) map.fitBounds(l.getBounds());
        });
      } else if (layer.getLayers().length) {
        map.fitBounds(layer.getBounds().pad(0.3), { maxZoom: 7 });
      }
    });
  }

  /* Location questions open their maps through map_loader.js, which loads this file. */
  window.ConsultMaps = { widget };
  document.querySelectorAll('.locations-map[data-locations]').forEach(locationsMap);
}());
