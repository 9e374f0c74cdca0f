/* Interview form: keep an unsaved draft in this browser and offer to restore it after a
 * crash, a closed tab or a lost connection; add participant and note rows without a round
 * trip. The page works without this file: the "add" buttons then ask the server for a row.
 *
 * The form carries data-draft-key; a page shown after a successful save carries
 * data-draft-saved with the key of the draft that is now obsolete.
 */
(function () {
  "use strict";

  var storage = null;
  try {
    storage = window.localStorage;
    storage.getItem("consult:probe");
  } catch (error) {
    storage = null; // private mode or storage disabled: the form still works, without drafts
  }
  if (!storage) {
    return;
  }

  document.querySelectorAll("[data-draft-saved]").forEach(function (marker) {
    storage.removeItem(marker.getAttribute("data-draft-saved"));
  });

  var form = document.getElementById("interview-form");
  if (!form) {
    return;
  }
  var key = form.getAttribute("data-draft-key");
  var prompt = document.getElementById("draft-prompt");
  var SKIP = { csrf_token: true, row_version: true };

  function fields() {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && !SKIP[el.name] && ["submit", "button", "file", "reset"].indexOf(el.type) < 0;
    });
  }

  // Values as the user sees them, or (defaults) as the server sent the page.
  function snapshot(defaults) {
    var values = {};
    fields().forEach(function (el) {
      if (el.type === "checkbox" || el.type === "radio") {
        if (defaults ? el.defaultChecked : el.checked) {
          (values[el.name] = values[el.name] || []).push(el.value);
        }
      } else if (el.tagName === "SELECT") {
        var chosen = Array.prototype.filter.call(el.options, function (option) {
          return defaults ? option.defaultSelected : option.selected;
        });
        if (!chosen.length && el.options.length && !el.multiple) {
          chosen = [el.options[0]];
        }
        values[el.name] = chosen.map(function (option) { return option.value; });
      } else {
        values[el.name] = defaults ? el.defaultValue : el.value;
      }
    });
    return values;
  }

  function normal(value) {
    if (value === undefined || value === null) {
      return "";
    }
    return Array.isArray(value) ? value.slice().sort().join("\n") : String(value);
  }

  function same(a, b) {
    var names = Object.keys(a).concat(Object.keys(b));
    return names.every(function (name) { return normal(a[name]) === normal(b[name]); });
  }

  function rows(kind) {
    return form.querySelectorAll('[data-repeat="' + kind + '"]');
  }

  function addRow(kind) {
    var existing = rows(kind);
    if (!existing.length) {
      return null;
    }
    var last = existing[existing.length - 1];
    var index = existing.length;
    var pattern = new RegExp("^" + kind + "-\\d+-");
    var row = last.cloneNode(true);
    row.querySelectorAll("[name], [id], label[for], [aria-describedby]").forEach(function (el) {
      ["name", "id", "for", "aria-describedby"].forEach(function (attribute) {
        var value = el.getAttribute(attribute);
        if (value && pattern.test(value)) {
          el.setAttribute(attribute, value.replace(pattern, kind + "-" + index + "-"));
        }
      });
      if (el.tagName === "TEXTAREA") {
        el.textContent = "";
        el.value = "";
      } else if (el.tagName === "SELECT") {
        Array.prototype.forEach.call(el.options, function (option) {
          option.removeAttribute("selected");
        });
        el.selectedIndex = 0;
      } else if (el.tagName === "INPUT") {
        el.setAttribute("value", "");
        el.value = "";
      }
    });
    row.querySelectorAll(".error").forEach(function (el) { el.remove(); });
    row.querySelectorAll(".has-error").forEach(function (el) { el.classList.remove("has-error"); });
    var legend = row.querySelector("legend");
    if (legend) {
      legend.textContent = legend.textContent.replace(/\d+/, String(index + 1));
    }
    last.parentNode.insertBefore(row, last.nextSibling);
    return row;
  }

  form.querySelectorAll("[data-add-row]").forEach(function (button) {
    button.addEventListener("click", function (event) {
      event.preventDefault();
      var row = addRow(button.getAttribute("data-add-row"));
      var first = row && row.querySelector("input, select, textarea");
      if (first) {
        first.focus();
      }
    });
  });

  function save() {
    var values = snapshot(false);
    if (same(values, snapshot(true))) {
      storage.removeItem(key);
      return;
    }
    try {
      storage.setItem(key, JSON.stringify({ saved: new Date().toISOString(), values: values }));
    } catch (error) {
      // Storage full: nothing to do but keep the form working.
    }
  }

  var timer = null;
  function saveSoon() {
    window.clearTimeout(timer);
    timer = window.setTimeout(save, 300);
  }
  form.addEventListener("input", saveSoon);
  form.addEventListener("change", saveSoon);
  form.addEventListener("submit", save);

  function restore(values) {
    ["participants", "notes"].forEach(function (kind) {
      var highest = -1;
      var pattern = new RegExp("^" + kind + "-(\\d+)-");
      Object.keys(values).forEach(function (name) {
        var match = pattern.exec(name);
        if (match) {
          highest = Math.max(highest, parseInt(match[1], 10));
        }
      });
      while (rows(kind).length && rows(kind).length <= highest) {
        addRow(kind);
      }
    });
    fields().forEach(function (el) {
      if (!(el.name in values)) {
        if (el.type === "checkbox" || el.type === "radio") {
          el.checked = false;
        }
        return;
      }
      var value = values[el.name];
      if (el.type === "checkbox" || el.type === "radio") {
        el.checked = Array.isArray(value) && value.indexOf(el.value) >= 0;
      } else if (el.tagName === "SELECT") {
        Array.prototype.forEach.call(el.options, function (option) {
          option.selected = Array.isArray(value) && value.indexOf(option.value) >= 0;
        });
      } else {
        el.value = value;
      }
    });
  }

  var draft = null;
  try {
    draft = JSON.parse(storage.getItem(key) || "null");
  } catch (error) {
    draft = null;
  }
  if (!draft || !draft.values || same(draft.values, snapshot(true)) || !prompt) {
    return;
  }
  var time = prompt.querySelector("[data-draft-time]");
  if (time && draft.saved) {
    time.textContent = "(" + new Date(draft.saved).toLocaleString(document.documentElement.lang) + ")";
  }
  prompt.hidden = false;
  prompt.querySelector("[data-draft-restore]").addEventListener("click", function () {
    restore(draft.values);
    prompt.hidden = true;
    save();
  });
  prompt.querySelector("[data-draft-discard]").addEventListener("click", function () {
    storage.removeItem(key);
    prompt.hidden = true;
  });
})();
