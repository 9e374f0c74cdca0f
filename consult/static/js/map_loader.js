/* Location questions: a "show on a map" button under each field. Leaflet and the outlines
   (some 200 KB) are fetched only when a respondent asks for a map, so a page on a slow
   connection costs no more than its text fields; once asked, later pages open their maps at
   once (the files are in the browser's cache by then). */
(function () {
  'use strict';
  const boxes = Array.from(document.querySelectorAll('.geo-map[data-geo-field]'));
  const source = document.getElementById('map-settings');
  if (!boxes.length || !source || !window.Promise) return;
  const S = JSON.parse(source.textContent);
  const KEY = 'consult.maps';
  let loading = null;

  function script(src) {
    return new Promise((resolve, reject) => {
      const tag = document.createElement('script');
      tag.src = src;
      tag.onload = resolve;
      tag.onerror = reject;
      document.head.appendChild(tag);
    });
  }

  function load() {
    if (!loading) {
      const css = document.createElement('link');
      css.rel = 'stylesheet';
      css.href = S.leaflet_css;
      document.head.appendChild(css);
      loading = script(S.leaflet_js).then(() => script(S.maps_js));
      loading.catch(() => { loading = null; });
    }
    return loading;
  }

  function open(box, button) {
    button.disabled = true;
    return load().then(() => {
      button.remove();
      window.ConsultMaps.widget(box);
    }, () => { button.disabled = false; });
  }

  let remembered = false;
  try { remembered = window.sessionStorage.getItem(KEY) === '1'; } catch (e) { /* private mode */ }
  boxes.forEach((box) => {
    box.hidden = false;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button';
    button.dataset.mapAction = 'open';
    button.textContent = S.text.open;
    button.addEventListener('click', () => {
      try { window.sessionStorage.setItem(KEY, '1'); } catch (e) { /* private mode */ }
      open(box, button);
    });
    box.appendChild(button);
    if (remembered) open(box, button);
  });
}());
