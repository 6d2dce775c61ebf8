// Done marks and progress: the analyst marks a statement done (d, or its button), and the
// progress bar shows the server's count for the meeting.

import { api } from "./api.js";
import { warn } from "./messages.js";
import { moveStatement } from "./navigation.js";
import { state, statements, urls } from "./state.js";
import { sayUndoable } from "./undo.js";

const progressBar = document.getElementById("progress");
const progressText = document.getElementById("progress-text");
const blindBanner = document.getElementById("blind-banner");

// A blind meeting: others' work is hidden until every statement is done. The server
// decides what it shows; the banner only counts down, and says when a reload shows it.
function renderBlind(done, total) {
  if (!blindBanner || blindBanner.dataset.hidesOthers !== "true") return;
  const left = total - done;
  if (left > 0) {
    blindBanner.textContent =
      `Blind coding: other analysts' work appears when you have marked all ${total} ` +
      `statements done; ${left} left.`;
    return;
  }
  blindBanner.textContent = `Blind coding: you have marked all ${total} statements done. `;
  const reload = document.createElement("a");
  reload.href = window.location.pathname;
  reload.textContent = "Reload to see other analysts' work.";
  blindBanner.append(reload);
}

export function renderProgress(done, total) {
  progressBar.max = Math.max(total, 1);
  progressBar.value = done;
  progressText.textContent = `${done} of ${total} statements done`;
  renderBlind(done, total);
}

/** Draw a statement's done mark as the server has it. */
export function showDone(statementId, done) {
  const statement = statements.get(statementId);
  if (done) state.done.add(statementId);
  else state.done.delete(statementId);
  if (!statement) return;
  statement.el.classList.toggle("is-done", done);
  statement.el.querySelector(".done-toggle").setAttribute("aria-pressed", done ? "true" : "false");
}

async function setDone(statementId, done) {
  const statement = statements.get(statementId);
  const result = await api(done ? "PUT" : "DELETE", urls.statementDone(statementId));
  showDone(statementId, done);
  renderProgress(result.meeting_done, result.meeting_total);
  sayUndoable(`Statement ${statement.order} ${done ? "done" : "not done"}.`);
}

export async function toggleDone(statementId, { advance = false } = {}) {
  const done = !state.done.has(statementId);
  try {
    await setDone(statementId, done);
    if (done && advance) moveStatement(1);
  } catch (error) {
    warn(`Not saved: ${error.message}`);
  }
}
