// Undo and redo: every change the analyst makes pushes a step that can revert it and do
// it again; u (or the status's Undo button) reverts the last one, Shift+U does it again.

import { say, warn } from "./messages.js";
import { state } from "./state.js";

const LIMIT = 50;

/** A change that `revert` undoes and `replay` (if given) does again. */
export function pushUndo(label, revert, replay = null) {
  state.undo.push({ label, revert, replay });
  if (state.undo.length > LIMIT) state.undo.shift();
  state.redo = [];
}

export async function undo() {
  const step = state.undo.pop();
  if (!step) {
    say("Nothing to undo.");
    return;
  }
  try {
    await step.revert();
    if (step.replay) state.redo.push(step);
    say(`Undone: ${step.label}.${step.replay ? " Shift+U redoes it." : ""}`);
  } catch (error) {
    warn(`Could not undo “${step.label}”: ${error.message}`);
  }
}

export async function redo() {
  const step = state.redo.pop();
  if (!step) {
    say("Nothing to redo.");
    return;
  }
  try {
    await step.replay();
    state.undo.push(step);
    say(`Redone: ${step.label}.`, { onUndo: undo });
  } catch (error) {
    warn(`Could not redo “${step.label}”: ${error.message}`);
  }
}

/** A confirmation of a change that offers to undo it. */
export function sayUndoable(message) {
  say(message, { onUndo: undo });
}
