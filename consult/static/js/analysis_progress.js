// Follows a running analysis without reloading the page; without JavaScript the page's
// meta refresh does the same more coarsely.
(function () {
  "use strict";
  var box = document.getElementById("run-progress");
  if (!box || !window.fetch) { return; }
  var bar = box.querySelector(".progress > span");
  var text = box.querySelector("[data-message]");
  var share = box.querySelector("[data-percent]");
  // The page's language decides the digits and the sign, as the server's Babel does
  // (Persian: ۲۵٪).
  var percentFormat = window.Intl
    ? new Intl.NumberFormat(document.documentElement.lang || undefined, { style: "percent" })
    : null;
  var statusUrl = box.getAttribute("data-status-url");
  function poll() {
    fetch(statusUrl, { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (run) {
        var percent = Math.round(run.progress * 100);
        bar.style.width = percent + "%";
        box.querySelector("[role=progressbar]").setAttribute("aria-valuenow", percent);
        if (text) { text.textContent = run.message_text || ""; }
        if (share && percentFormat) { share.textContent = percentFormat.format(run.progress); }
        if (run.status === "done" || run.status === "failed") {
          window.location.assign(run.url);
        } else {
          window.setTimeout(poll, 1000);
        }
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 500);
})();
