// Enhancements for the editors' admin; every page works without this file.
// - markup fields: a live server-side preview (POST /admin/preview/markup) as you type;
// - change lists: a "select all rows" checkbox for bulk actions;
// - forms with errors: focus moves to the error summary;
// - slug fields (data-prepopulate): filled from their source fields while the editor has not
//   typed one, as Django's prepopulated_fields; the server fills an empty slug the same way.
(function () {
  "use strict";

  var PREVIEW_URL = "/admin/preview/markup";
  var DELAY_MS = 500;

  function csrfToken(element) {
    var form = element.form || element.closest("form");
    var input = form && form.querySelector('input[name="csrf_token"]');
    return input ? input.value : "";
  }

  function enhancePreview(textarea) {
    var target = document.getElementById(textarea.getAttribute("data-markup-preview"));
    if (!target) return;
    var typeId = textarea.getAttribute("data-markup-type");
    var typeField = typeId ? document.getElementById(typeId) : null;
    var section = target.closest("section");
    var timer = null;
    var sequence = 0;

    function refresh() {
      var mine = ++sequence;
      var body = new URLSearchParams();
      body.set("csrf_token", csrfToken(textarea));
      body.set("source", textarea.value);
      body.set("markup_type", typeField ? typeField.value : "markdown");
      if (section) section.setAttribute("aria-busy", "true");
      fetch(PREVIEW_URL, { method: "POST", body: body, credentials: "same-origin", headers: { Accept: "text/html" } })
        .then(function (response) {
          return response.ok ? response.text() : Promise.reject(new Error(String(response.status)));
        })
        .then(function (html) {
          // The server sanitised this HTML with the same allowlist the site uses.
          if (mine === sequence) target.innerHTML = html;
        })
        .catch(function () {
          if (mine === sequence) target.textContent = "The preview is not available right now; use the Preview button.";
        })
        .finally(function () {
          if (section && mine === sequence) section.removeAttribute("aria-busy");
        });
    }

    function schedule() {
      window.clearTimeout(timer);
      timer = window.setTimeout(refresh, DELAY_MS);
    }

    textarea.addEventListener("input", schedule);
    if (typeField) typeField.addEventListener("change", refresh);
    refresh();
  }

  function enhanceSelectAll(toggle) {
    var form = toggle.closest("form");
    if (!form) return;
    var boxes = form.querySelectorAll('input[type="checkbox"][name="ids"]');
    toggle.hidden = false;
    toggle.addEventListener("change", function () {
      boxes.forEach(function (box) {
        box.checked = toggle.checked;
      });
    });
  }

  // Django's slugify, as the server's (slugify in app/domains/downloads/schemas/versions.ts).
  function slugify(text) {
    return text
      .normalize("NFKD")
      .replace(/[^\x00-\x7f]/g, "")
      .toLowerCase()
      .replace(/[^\w\s-]/g, "")
      .trim()
      .replace(/[-\s]+/g, "-")
      .replace(/^[-_]+|[-_]+$/g, "");
  }

  function enhancePrepopulate(target) {
    var sources = target
      .getAttribute("data-prepopulate")
      .split(" ")
      .map(function (id) {
        return document.getElementById(id);
      })
      .filter(Boolean);
    // A slug the editor typed, or one already stored, is never overwritten.
    var own = target.value !== "";
    target.addEventListener("input", function () {
      own = target.value !== "";
    });
    function fill() {
      if (own) return;
      var rowSources = sources.filter(function (source) {
        return source.closest(".inline-card") === target.closest(".inline-card");
      });
      // An inline row's slug waits for the row's own name, so empty cards stay empty.
      if (
        rowSources.length &&
        rowSources.every(function (source) {
          return source.value.trim() === "";
        })
      ) {
        target.value = "";
        return;
      }
      target.value = slugify(
        sources
          .map(function (source) {
            return source.value;
          })
          .join(" "),
      );
    }
    sources.forEach(function (source) {
      source.addEventListener("input", fill);
    });
  }

  document.querySelectorAll("input[data-prepopulate]").forEach(function (input) {
    if (!input.disabled) enhancePrepopulate(input);
  });
  document.querySelectorAll("textarea[data-markup-preview]").forEach(function (textarea) {
    if (!textarea.disabled) enhancePreview(textarea);
  });
  document.querySelectorAll("input[data-select-all]").forEach(enhanceSelectAll);
  var summary = document.getElementById("error-summary");
  if (summary) summary.focus();
})();
