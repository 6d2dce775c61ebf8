// Undo: every change the analyst makes pushes the step that reverts it; u (or the
// status's Undo button) pops the last one.

import { say, warn } from "./messages.js";
import { state } from "./state.js";

export function pushUndo(label, revert) {
  state.undo.push({ label, revert });
  if (state.undo.length > 50) state.undo.shift();
}

export async function undo() {
  const step = state.undo.pop();
  if (!step) {
    say("Nothing to undo.");
    return;
  }
  try {
    await step.revert();
    say(`Undone: ${step.label}.`);
  } catch (error) {
    warn(`Could not undo “${step.label}”: ${error.message}`);
  }
}

/** A confirmation of a change that offers to undo it. */
export function sayUndoable(message) {
  say(message, { onUndo: undo });
}
