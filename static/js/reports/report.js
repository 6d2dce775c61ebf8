// Report page: the print button (a plain link would need an inline handler, which the
// Content-Security-Policy forbids). Everything else on the page works without script.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("[data-print]")) {
    button.addEventListener("click", () => window.print());
  }
});
