// Undo's hook for the other modules: every change the analyst makes is logged as a step by
// the server (annotations.coding.undo), so a module that saves a change only confirms it
// with sayUndoable; history.js runs undo and redo and registers itself here. (This module
// imports nothing that saves, so every saving module can import it without a cycle.)

import { say } from "./messages.js";

let undoLast = null;

/** history.js hands over its undo, for the Undo button of the confirmations. */
export function onUndoRequested(undo) {
  undoLast = undo;
}

/** A confirmation of a change that offers to undo it. */
export function sayUndoable(message) {
  say(message, { onUndo: () => undoLast && undoLast() });
}
