// Copy buttons beside link fields (shown only where this script runs), and the mailing
// page's next batch sent by itself while mails are waiting.
(function () {
  "use strict";
  function text(field) {
    return field.value !== undefined ? field.value : field.textContent.trim();
  }
  function copy(field, button) {
    var done = function () {
      var label = button.textContent;
      button.textContent = button.getAttribute("data-copied") || label;
      setTimeout(function () { button.textContent = label; }, 1500);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text(field)).then(done, function () {
        if (field.select) { field.select(); }
      });
    } else if (field.select) {
      field.select();
      try {
        if (document.execCommand("copy")) { done(); }
      } catch (e) { /* the text stays selected for the user to copy */ }
    }
  }
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var field = document.getElementById(button.getAttribute("data-copy"));
    if (!field) { return; }
    button.hidden = false;
    button.addEventListener("click", function () { copy(field, button); });
  });
  var next = document.querySelector("form[data-auto-continue]");
  if (next) {
    setTimeout(function () { next.submit(); }, 500);
  }
})();
