// "Start analysis" answers at once: the button is disabled and says the run is starting
// while the server queues it (a second click would queue a second run).
(function () {
  "use strict";
  var form = document.querySelector("form[data-start-run]");
  if (!form) { return; }
  form.addEventListener("submit", function () {
    var button = form.querySelector("button[type=submit]");
    if (!button) { return; }
    window.setTimeout(function () {
      button.disabled = true;
      button.setAttribute("aria-busy", "true");
      button.classList.add("busy");
      button.textContent = button.getAttribute("data-busy-text") || button.textContent;
    }, 0);
  });
})();
