// The import preview: keep one gender and type per speaker across rows, and let the
// analyst show only the rows that carry a warning. The page works without it.
"use strict";

(function () {
  const table = document.querySelector("[data-import-table]");
  if (!table) return;

  const rows = Array.from(table.querySelectorAll("[data-row]"));
  const nameOf = (row) => row.querySelector("input[name$='-speaker_name']").value.trim();

  // A speaker's gender and type are the same in every statement: a change in one row
  // is copied to the other rows of the same speaker.
  table.addEventListener("change", (event) => {
    const field = event.target;
    if (!(field instanceof HTMLSelectElement)) return;
    const suffix = field.name.endsWith("-gender") ? "-gender" : field.name.endsWith("-speaker_type") ? "-speaker_type" : null;
    if (!suffix) return;
    const row = field.closest("[data-row]");
    const name = nameOf(row);
    if (!name) return;
    for (const other of rows) {
      if (other !== row && nameOf(other) === name) {
        other.querySelector(`select[name$='${suffix}']`).value = field.value;
      }
    }
  });

  // The button comes hidden (it does nothing without this script) and is shown once
  // it works, so a click can never land before the handler is there.
  const toggle = document.querySelector("[data-toggle-warnings]");
  if (toggle) {
    toggle.addEventListener("click", () => {
      const on = table.classList.toggle("only-warnings");
      toggle.setAttribute("aria-pressed", String(on));
      toggle.textContent = on ? "Show all rows" : "Show only rows with warnings";
    });
    toggle.hidden = false;
  }
})();
