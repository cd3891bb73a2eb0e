/* The one-page editors (careerquiz/workbench.py): the preview frame follows the form.
   Without this file the Preview button posts the form into the frame on a click; with it,
   every change redraws the preview in place (no page load, no history entry), and the
   button does the same. No inline code, no eval: ready for the strict CSP. */
(function () {
  "use strict";

  // A row added to an options table (Django's inlines.js) comes from a template row whose
  // inputs are disabled, so that they are not sent; the added row's are sent.
  document.addEventListener("formset:added", function (event) {
    event.target.querySelectorAll("[disabled]").forEach(function (input) {
      input.disabled = false;
    });
  });

  var button = document.querySelector("[data-workbench-preview]");
  var frame = document.getElementById("workbench-preview-frame");
  if (!button || !frame || !window.fetch || !window.AbortController) return;
  var form = button.form;
  var timer = null;
  var pending = null;

  function refresh() {
    if (pending) pending.abort();
    pending = new AbortController();
    fetch(button.formAction, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      signal: pending.signal,
    })
      .then(function (response) {
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (html !== null) frame.srcdoc = html;
      })
      .catch(function () {
        /* A refresh replaced by a newer one, or the network: the next change retries. */
      });
  }

  function soon() {
    clearTimeout(timer);
    timer = setTimeout(refresh, 300);
  }

  form.addEventListener("change", soon);
  form.addEventListener("input", soon);
  // A page shown again with its errors: the frame shows the saved state until redrawn.
  if (button.hasAttribute("data-stale")) refresh();
  button.addEventListener("click", function (event) {
    event.preventDefault();
    refresh();
  });
})();
