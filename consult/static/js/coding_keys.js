// Keys on the coding page: 1–9 tick or untick the themes in their order, Enter saves and
// opens the next text, C confirms the machine's themes, N decides "no theme", → or J goes to
// the next text and ← or K to the previous one. Without JavaScript the buttons and links do
// the same.
(function () {
  "use strict";
  var form = document.getElementById("coding-form");
  if (!form) { return; }

  function press(name) {
    var button = form.querySelector("[name=" + name + "]");
    if (button) { button.click(); }
    return Boolean(button);
  }

  function follow(id) {
    var link = document.getElementById(id);
    if (link) { window.location.assign(link.href); }
    return Boolean(link);
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) { return; }
    var target = event.target;
    var tag = target && target.tagName;
    // Typing in a field, and Enter or Space on a button or link, keep their own meaning.
    if (tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable)) { return; }
    if (tag === "INPUT" && !/^(checkbox|radio)$/i.test(target.type)) { return; }
    if ((tag === "BUTTON" || tag === "A") && (event.key === "Enter" || event.key === " ")) {
      return;
    }
    var key = event.key;
    var done = false;
    if (/^[1-9]$/.test(key)) {
      var box = form.querySelectorAll("input[name=themes]")[Number(key) - 1];
      if (box) {
        box.checked = !box.checked;
        done = true;
      }
    } else if (key === "Enter") {
      done = press("save");
    } else if (key === "n" || key === "N") {
      done = press("no_theme");
    } else if (key === "c" || key === "C") {
      done = press("confirm");
    } else if (key === "ArrowRight" || key === "j" || key === "J") {
      done = follow("next-text");
    } else if (key === "ArrowLeft" || key === "k" || key === "K") {
      done = follow("previous-text");
    }
    if (done) { event.preventDefault(); }
  });
})();
