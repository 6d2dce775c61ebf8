// Undo and redo through the server's history of this meeting (annotations.coding.undo):
// it logs each step as it is saved, so the history survives a reload, and it refuses a
// step that something changed since (the message says so; the step leaves the history).
// u or Ctrl+Z undoes the latest step; Shift+U, Ctrl+Shift+Z or Ctrl+Y redoes the step
// undone last. Each answer says what changed, and only that is drawn again.

import { api } from "./api.js";
import { closeCard } from "./card.js";
import { remember } from "./coding.js";
import { renderProgress, showDone } from "./done.js";
import { redraw } from "./highlights.js";
import { memosMoved } from "./memos.js";
import { say, warn } from "./messages.js";
import { canCode, config, state, urls } from "./state.js";
import { loadSuggestions } from "./suggestions.js";
import { onUndoRequested } from "./undo.js";

// What the server had when the page was drawn: the steps to undo and to redo.
export const undoHistory = config.history || { undo: [], redo: [] };

function apply(result) {
  const statementIds = new Set();
  for (const id of result.gone) {
    const annotation = state.mine.get(id);
    if (annotation) statementIds.add(annotation.statement);
    state.mine.delete(id);
  }
  for (const annotation of result.annotations) {
    remember(annotation);
    statementIds.add(annotation.statement);
  }
  for (const mark of result.done) showDone(mark.statement, mark.done);
  if (result.progress) renderProgress(result.progress.meeting_done, result.progress.meeting_total);
  if (result.memos.length || result.memos_gone.length) memosMoved(result.memos, result.memos_gone);
  closeCard();
  redraw([...statementIds]);
  // Decisions changed, or a coding that answered a suggestion went: the open suggestions
  // and their counts are read from the server again.
  if (result.suggestions || result.gone.length) loadSuggestions();
  Object.assign(undoHistory, result.history);
}

async function move(address) {
  if (!canCode()) {
    warn("These annotations are read-only: switch back to your own to undo.");
    return null;
  }
  try {
    const result = await api("POST", address);
    apply(result);
    return result;
  } catch (error) {
    if (error.body && error.body.history) Object.assign(undoHistory, error.body.history);
    // Nothing to undo is news, not a problem; a refused step is.
    if (error.status === 400) say(error.message);
    else warn(error.message);
    return null;
  }
}

export async function undo() {
  const result = await move(urls.undo());
  if (result) say(`Undone: ${result.step.label}. Shift+U (or Ctrl+Shift+Z) redoes it.`);
}

export async function redo() {
  const result = await move(urls.redo());
  if (result) say(`Redone: ${result.step.label}.`, { onUndo: undo });
}

onUndoRequested(undo);

// Text boxes keep their own Ctrl+Z: it undoes typing there, not a step of the coding.
function typing(target) {
  if (!(target instanceof HTMLElement)) return false;
  if (target.tagName === "INPUT") {
    return !["checkbox", "radio", "button", "submit"].includes(target.type);
  }
  return target.isContentEditable || ["TEXTAREA", "SELECT"].includes(target.tagName);
}

/** Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo (⌘ for Ctrl on a Mac). */
export function listenToHistoryKeys() {
  document.addEventListener("keydown", (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || typing(event.target)) return;
    const key = event.key.toLowerCase();
    if (key === "z" && !event.shiftKey) undo();
    else if ((key === "z" && event.shiftKey) || key === "y") redo();
    else return;
    event.preventDefault();
  });
}
