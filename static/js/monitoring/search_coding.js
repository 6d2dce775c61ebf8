// Code from search: one hit, or every hit of the current search, coded with one code as
// ONE step (a batch of annotations, annotations.monitoring.search_coding). Undo withdraws
// the whole batch, Redo restores it. The addresses come from the page's data-* attributes.

import { api } from "../workspace/api.js";

const panel = document.getElementById("search-coding");
const select = document.getElementById("search-code");
const status = document.getElementById("search-coding-status");

const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Say `text`; with `action`, offer its button after the text. */
function say(text, action = null) {
  status.replaceChildren(text);
  if (!action) return;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "button";
  button.textContent = action.label;
  button.addEventListener("click", action.run, { once: true });
  status.append(" ", button);
}

function markRows(annotations, coded) {
  const statements = new Set(annotations.map((a) => String(a.statement)));
  for (const button of document.querySelectorAll(".search-code-one")) {
    if (!statements.has(button.dataset.statementId)) continue;
    button.textContent = coded ? "Coded" : "Code this hit";
  }
}

function offerUndo(step) {
  say(step.done, { label: "Undo", run: () => undo(step) });
}

async function undo(step) {
  const ids = step.annotations.map((a) => a.id);
  try {
    await api("POST", panel.dataset.withdrawUrl, { annotations: ids });
  } catch (error) {
    return say(`Could not undo: ${error.message}`);
  }
  markRows(step.annotations, false);
  say(`Undone: ${step.label}.`, { label: "Redo", run: () => redo(step) });
}

async function redo(step) {
  const ids = step.annotations.map((a) => a.id);
  try {
    await api("POST", panel.dataset.restoreUrl, { annotations: ids });
  } catch (error) {
    return say(`Could not redo: ${error.message}`);
  }
  markRows(step.annotations, true);
  offerUndo(step);
}

async function codeHits(statement) {
  const code = select.selectedOptions[0];
  if (!select.value) {
    select.focus();
    return say("Choose a code first.");
  }
  const body = { code: Number(select.value) };
  if (statement) body.statement = Number(statement);
  let data;
  try {
    data = await api("POST", panel.dataset.codeUrl, body);
  } catch (error) {
    return say(`Not coded: ${error.message}`);
  }
  const label = `coding ${plural(data.annotations.length, "hit")} as ${code.textContent}`;
  const left = data.already_coded
    ? ` ${plural(data.already_coded, "hit")} already coded with it, left as coded.`
    : "";
  const done = `Coded ${plural(data.annotations.length, "hit")} as ${code.textContent}.${left}`;
  markRows(data.annotations, true);
  offerUndo({ annotations: data.annotations, label, done });
}

if (panel) {
  document.getElementById("search-code-all").addEventListener("click", () => codeHits(null));
  for (const button of document.querySelectorAll(".search-code-one")) {
    button.addEventListener("click", () => codeHits(button.dataset.statementId));
  }
}
