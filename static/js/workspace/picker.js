// The code picker: opens under a selection, filters codes as one types, and hands the
// chosen code to whoever asked (main.js wires it to coding, which closes the picker).

import { focusStatement } from "./navigation.js";
import { placeBeside } from "./placement.js";
import { codesById, state } from "./state.js";

export const picker = document.getElementById("code-picker");
const pickerFilter = document.getElementById("picker-filter");
const pickerQuote = document.getElementById("picker-quote");
const choices = [...picker.querySelectorAll(".code-choice")];

export function openPicker(passage, { focus = false } = {}) {
  state.pending = passage;
  pickerQuote.textContent =
    passage.quote.length > 80 ? `${passage.quote.slice(0, 77)}…` : passage.quote;
  pickerFilter.value = "";
  filterChoices("");
  picker.hidden = false;
  picker.classList.remove("is-cramped");
  picker.style.removeProperty("--picker-room");
  const height = picker.offsetHeight;
  const { left, top, room } = placeBeside(passage.rect, picker.offsetWidth, height, {
    width: window.innerWidth,
    height: window.innerHeight,
  });
  if (room < height) {
    // Not room enough whole: one column whose list scrolls, beside the words, not on them.
    picker.classList.add("is-cramped");
    picker.style.setProperty("--picker-room", `${room}px`);
  }
  picker.style.left = `${left + window.scrollX}px`;
  picker.style.top = `${top + window.scrollY}px`;
  if (focus) pickerFilter.focus({ preventScroll: true });
}

export function closePicker({ keepPending = false } = {}) {
  picker.hidden = true;
  if (!keepPending) state.pending = null;
}

function visibleChoices() {
  return choices.filter((button) => !button.hidden);
}

function filterChoices(text) {
  const needle = text.trim().toLowerCase();
  for (const button of choices) {
    button.hidden = Boolean(needle) && !button.dataset.search.includes(needle);
  }
  for (const group of picker.querySelectorAll(".picker-group")) {
    group.hidden = ![...group.querySelectorAll(".code-choice")].some((b) => !b.hidden);
  }
}

function onFilterKey(event) {
  if (event.key !== "Enter" && event.key !== "ArrowDown") return;
  event.preventDefault();
  const first = visibleChoices()[0];
  if (!first) return;
  if (event.key === "Enter") first.click();
  else first.focus();
}

function onPickerKey(event) {
  if (event.key === "Escape") {
    event.preventDefault();
    closePicker();
    focusStatement(state.current);
    return;
  }
  if (!event.target.classList.contains("code-choice")) return;
  if (event.key === "ArrowDown" || event.key === "ArrowUp") {
    event.preventDefault();
    const visible = visibleChoices();
    const index = visible.indexOf(event.target) + (event.key === "ArrowDown" ? 1 : -1);
    if (index < 0) pickerFilter.focus();
    else if (visible[index]) visible[index].focus();
  }
}

/** The code a choice button stands for, even one the config does not list. */
function codeOfChoice(button) {
  const id = Number(button.dataset.codeId);
  return (
    codesById.get(id) || {
      id,
      slug: button.dataset.codeSlug,
      name: button.textContent.trim(),
      colour: button.dataset.colour,
      statementLevel: false,
    }
  );
}

/** Listen to the picker; `choose(code)` is called when a code is chosen. */
export function listenToPicker(choose) {
  pickerFilter.addEventListener("input", () => filterChoices(pickerFilter.value));
  pickerFilter.addEventListener("keydown", onFilterKey);
  picker.addEventListener("keydown", onPickerKey);
  for (const button of choices) {
    button.addEventListener("click", () => choose(codeOfChoice(button)));
  }
}
