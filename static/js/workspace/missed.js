// Missed opportunities: themes the meeting failed to address, each with the analyst's
// rationale, listed in the side panel and recorded or edited in a dialog.

import { api, describeError, fetchAll } from "./api.js";
import { say, warn } from "./messages.js";
import { codesById, config, state, urls } from "./state.js";

const missedList = document.getElementById("missed-list");
const missedCount = document.getElementById("missed-count");
const missedTemplate = document.getElementById("missed-item");
export const missedDialog = document.getElementById("missed-dialog");
const missedForm = document.getElementById("missed-form");
const missedTitle = document.getElementById("missed-title");
const missedRationale = document.getElementById("missed-rationale");

export async function loadMissed() {
  try {
    state.missed = await fetchAll(urls.missedOpportunities({ meeting: config.meeting }));
    renderMissed();
  } catch (error) {
    missedCount.textContent = "!";
    warn(`Missed opportunities could not be loaded: ${error.message}`);
  }
}

function chipsFor(missed) {
  return missed.codes.map((id, index) => {
    const chip = document.createElement("li");
    const code = codesById.get(id);
    chip.className = "chip chip-code";
    chip.textContent = code ? code.name : missed.code_slugs[index];
    if (code) chip.style.setProperty("--code-colour", code.colour);
    return chip;
  });
}

function itemFor(missed) {
  const item = missedTemplate.content.firstElementChild.cloneNode(true);
  item.dataset.missedId = String(missed.id);
  item.querySelector(".missed-title strong").textContent = missed.title;
  item.querySelector(".missed-analyst").textContent = missed.analyst;
  item.querySelector(".missed-rationale").textContent = missed.rationale;
  item.querySelector(".missed-codes").replaceChildren(...chipsFor(missed));
  if (config.canCode && missed.analyst === config.analyst) {
    const edit = item.querySelector(".missed-edit");
    const remove = item.querySelector(".missed-delete");
    edit.setAttribute("aria-label", `Edit “${missed.title}”`);
    remove.setAttribute("aria-label", `Delete “${missed.title}”`);
    edit.addEventListener("click", () => openMissed(missed));
    remove.addEventListener("click", () => deleteMissed(missed));
  } else {
    item.querySelector(".missed-actions").remove();
  }
  return item;
}

function renderMissed() {
  missedCount.textContent = String(state.missed.length);
  missedList.replaceChildren(...state.missed.map(itemFor));
}

function clearMissedErrors() {
  for (const el of missedForm.querySelectorAll("[data-error-for]")) el.textContent = "";
}

function openMissed(missed = null) {
  state.editingMissed = missed;
  clearMissedErrors();
  missedTitle.value = missed ? missed.title : "";
  missedRationale.value = missed ? missed.rationale : "";
  const chosen = new Set(missed ? missed.codes : []);
  for (const box of missedForm.querySelectorAll("input[name=codes]")) {
    box.checked = chosen.has(Number(box.value));
  }
  document.getElementById("missed-dialog-heading").textContent = missed
    ? "Edit the missed opportunity"
    : "Record a missed opportunity";
  missedDialog.showModal();
  missedTitle.focus();
}

function formData() {
  return {
    title: missedTitle.value.trim(),
    rationale: missedRationale.value,
    codes: [...missedForm.querySelectorAll("input[name=codes]:checked")].map((b) => Number(b.value)),
  };
}

/** What the form lacks before it is worth sending, by field. */
function missingFields(data) {
  const missing = {};
  if (!data.title) missing.title = "Name the theme the meeting failed to address.";
  if (!data.rationale.trim()) missing.rationale = "Say why it is a missed opportunity.";
  return missing;
}

function sendMissed(data, editing) {
  return editing
    ? api("PATCH", urls.missedOpportunity(editing.id), { ...data, version: editing.version })
    : api("POST", urls.missedOpportunities(), { ...data, meeting: config.meeting });
}

function keepSaved(saved) {
  const index = state.missed.findIndex((m) => m.id === saved.id);
  if (index === -1) state.missed.push(saved);
  else state.missed[index] = saved;
  renderMissed();
}

async function saveMissed() {
  clearMissedErrors();
  const data = formData();
  const missing = missingFields(data);
  if (Object.keys(missing).length) {
    showMissedErrors(missing);
    return;
  }
  const editing = state.editingMissed;
  try {
    const saved = await sendMissed(data, editing);
    keepSaved(saved);
    missedDialog.close();
    say(`${editing ? "Saved" : "Recorded"} the missed opportunity “${saved.title}”.`);
  } catch (error) {
    showRefusal(error);
  }
}

function showRefusal(error) {
  if (error.status === 409 && error.body && error.body.current) {
    // The next save sends the current version, so it overwrites on purpose.
    state.editingMissed = error.body.current;
    showMissedErrors({
      non_field_errors:
        "Someone changed it since you opened it; your text is kept here — save again to overwrite.",
    });
    return;
  }
  if (error.status === 400 && error.body && typeof error.body === "object") {
    showMissedErrors(error.body);
    return;
  }
  showMissedErrors({ non_field_errors: error.message });
}

function showMissedErrors(errors) {
  for (const [field, messages] of Object.entries(errors)) {
    const target =
      missedForm.querySelector(`[data-error-for="${CSS.escape(field)}"]`) ||
      missedForm.querySelector('[data-error-for="non_field_errors"]');
    target.textContent = [].concat(messages).map(describeError).join(" ");
  }
  const first = [...missedForm.querySelectorAll("[data-error-for]")].find((el) => el.textContent);
  if (first) first.setAttribute("role", "alert");
}

async function deleteMissed(missed) {
  if (!window.confirm(`Delete the missed opportunity “${missed.title}”?`)) return;
  try {
    await api("DELETE", urls.missedOpportunity(missed.id, { version: missed.version }));
    state.missed = state.missed.filter((m) => m.id !== missed.id);
    renderMissed();
    say(`Deleted the missed opportunity “${missed.title}”.`);
  } catch (error) {
    warn(`Not deleted: ${error.message}`);
  }
}

export function listenToMissed() {
  missedForm.addEventListener("submit", (event) => {
    event.preventDefault();
    saveMissed();
  });
  document.getElementById("missed-cancel").addEventListener("click", () => missedDialog.close());
  const add = document.getElementById("missed-add");
  if (add) add.addEventListener("click", () => openMissed());
}
