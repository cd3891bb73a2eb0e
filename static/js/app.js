/* Career Quiz enhancements. Everything works without this file: it adds keyboard
   shortcuts, focus management after htmx swaps, messages when a swap fails, and the
   copy-link button. No eval, no inline handlers: ready for a strict CSP. */
(function () {
  "use strict";

  var body = document.body;

  function reveal(root) {
    (root || document).querySelectorAll("[data-js-only]").forEach(function (el) {
      el.hidden = false;
    });
  }

  function errorBoxFor(elt) {
    var scope = elt && elt.closest ? elt.closest("form, #quiz-card, #plan, main") : null;
    var box = scope ? scope.querySelector("[data-request-error]") : null;
    return box || document.querySelector("main [data-request-error]");
  }

  function showError(elt, message) {
    var box = errorBoxFor(elt);
    if (!box) return;
    box.textContent = message;
    box.hidden = false;
  }

  function clearErrors() {
    document.querySelectorAll("[data-request-error]").forEach(function (box) {
      box.hidden = true;
      box.textContent = "";
    });
  }

  function messageForStatus(status) {
    if (status === 403) return body.dataset.errorForbidden;
    if (status === 409) return body.dataset.errorConflict;
    if (status === 429) return body.dataset.errorThrottled;
    return body.dataset.errorServer;
  }

  body.addEventListener("htmx:beforeRequest", clearErrors);
  body.addEventListener("htmx:responseError", function (event) {
    // The server says what went wrong in words; fall back to a message by status.
    var xhr = event.detail.xhr;
    var said = xhr.getResponseHeader("X-Error-Message");
    showError(event.detail.elt, said ? decodeURIComponent(said) : messageForStatus(xhr.status));
  });
  body.addEventListener("htmx:sendError", function (event) {
    showError(event.detail.elt, body.dataset.errorNetwork);
  });
  body.addEventListener("htmx:timeout", function (event) {
    showError(event.detail.elt, body.dataset.errorTimeout);
  });

  // Next is disabled while its request runs, which drops the focus to <body>. A failed
  // request replaces nothing, so the focus goes back to the control that sent it (WCAG 2.4.3).
  body.addEventListener("htmx:afterRequest", function (event) {
    if (event.detail.successful) return;
    var elt = event.detail.elt;
    var active = document.activeElement;
    if (!elt || !document.contains(elt) || (active && active !== body && document.contains(active))) return;
    var control = elt.matches("form") ? elt.querySelector("[type=submit]") : elt;
    if (control) control.focus();
  });

  // The keys 1 to 9 choose the first nine answers: each of those carries its key as a badge
  // (app.css shows it only with a mouse or trackpad), unless its label already starts with
  // that number, as the 1 to 5 scale does.
  function markKeys() {
    var form = document.querySelector(".quiz-form");
    if (!form) return;
    form.querySelectorAll("input[name=answer]").forEach(function (input, index) {
      var label = input.labels && input.labels[0];
      var key = String(index + 1);
      if (!label || index >= 9 || label.textContent.trim().indexOf(key + " ") === 0) return;
      label.setAttribute("data-key", key);
    });
  }

  // After a swap, move focus to the new content's heading so keyboard and screen-reader
  // users start at the new question.
  body.addEventListener("htmx:afterSettle", function (event) {
    var target = event.detail.elt;
    reveal(target);
    markKeys();
    var heading = document.getElementById("question-heading");
    var summary = document.querySelector("[data-error-summary]");
    if (target && target.id === "plan") {
      // The plan's own heading names what changed ("From A to B").
      var planTitle = document.getElementById("plan-title");
      (planTitle || target).focus();
    } else if (summary) {
      summary.focus();
    } else if (heading) {
      heading.focus();
    }
  });

  // Number keys pick an option, Enter continues: on the real radio buttons and checkboxes.
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var form = document.querySelector(".quiz-form");
    if (!form) return;
    var target = event.target;
    // Only while the question has focus (WCAG 2.1.4): a key pressed with nothing focused,
    // or on a link of the page, never chooses an answer.
    var card = document.getElementById("quiz-card");
    if (!card || !target || !card.contains(target)) return;
    var typing = target && (target.tagName === "TEXTAREA" || target.tagName === "SELECT" ||
      (target.tagName === "INPUT" && !/^(radio|checkbox)$/.test(target.type)));
    if (typing) return;
    var inputs = form.querySelectorAll("input[name=answer]");
    if (/^[1-9]$/.test(event.key)) {
      var input = inputs[Number(event.key) - 1];
      if (input) {
        event.preventDefault();
        if (input.type === "radio") {
          input.checked = true;
        } else {
          input.checked = !input.checked;
        }
        input.dispatchEvent(new Event("change", { bubbles: true }));
        input.focus();
      }
    } else if (event.key === "Enter" && target && target.form === form && /^(radio|checkbox)$/.test(target.type)) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  // Copy the share link; the link stays visible and selectable for everyone else.
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-copy]") : null;
    if (!button) return;
    var input = document.querySelector(button.getAttribute("data-copy"));
    var status = document.querySelector("[data-copy-status]");
    var done = function (ok) {
      if (status) status.textContent = ok ? body.dataset.copied : body.dataset.copyFailed;
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(input.value).then(function () { done(true); }, function () { done(false); });
    } else {
      input.select();
      done(false);
    }
  });

  reveal(document);
  markKeys();
  // A page that comes back with an error (without htmx) starts at its error summary.
  var errorSummary = document.querySelector("[data-error-summary]");
  if (errorSummary) errorSummary.focus();
})();
