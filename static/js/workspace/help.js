// The help dialog (? or the Keys button): its table is drawn from the key table, so the
// keys the page handles and the keys it lists cannot drift apart.

import { KEYS, joiner, keyCaps } from "./keys.js";

export const helpDialog = document.getElementById("help-dialog");

function capsOf(key) {
  const parts = [];
  keyCaps(key).forEach((cap, index) => {
    if (index) parts.push("+");
    const kbd = document.createElement("kbd");
    kbd.textContent = cap;
    parts.push(kbd);
  });
  return parts;
}

function keysCell(row) {
  const th = document.createElement("th");
  th.scope = "row";
  if (row.label) th.append(row.label);
  if (row.when) th.append(`${row.when}, `);
  row.keys.forEach((key, index) => {
    if (index) th.append(joiner(row));
    th.append(...capsOf(key));
  });
  return th;
}

function rowFor(row) {
  const tr = document.createElement("tr");
  const td = document.createElement("td");
  td.textContent = row.description;
  tr.append(keysCell(row), td);
  return tr;
}

export function openHelp() {
  helpDialog.showModal();
}

export function drawHelp() {
  helpDialog.querySelector("table.keys tbody").replaceChildren(...KEYS.map(rowFor));
  document.getElementById("help-button").addEventListener("click", openHelp);
}
