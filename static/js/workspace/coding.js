// Coding: create, change and delete annotations through the API. Nothing is drawn before
// the server has stored it: a highlight always shows what the server answered, never what
// the browser hoped. The server logs each change as an undo step (history.js undoes it).

import { ApiError, api } from "./api.js";
import { closeCard } from "./card.js";
import { annotationsOf, redraw } from "./highlights.js";
import { shorten, warn } from "./messages.js";
import { focusStatement } from "./navigation.js";
import { closePicker } from "./picker.js";
import { clearSelection } from "./selection.js";
import { canCode, state, statements, urls } from "./state.js";
import { answerSuggestions } from "./suggestion_list.js";
import { sayUndoable } from "./undo.js";

function setSaving(statementId, saving) {
  const statement = statements.get(statementId);
  if (statement) statement.el.querySelector(".statement-saving").hidden = !saving;
}

/** Keep an annotation the server returned as mine; it may answer a suggestion. */
export function remember(annotation) {
  state.mine.set(annotation.id, annotation);
  answerSuggestions(annotation);
}

/** The statement a statement-level code goes on: the passage's, else the current one. */
function statementFor(passage) {
  return (
    (passage && passage.statementId) ||
    (state.current && Number(state.current.dataset.statementId))
  );
}

export async function applyCode(code, passage) {
  if (!canCode()) {
    warn("These annotations are read-only: switch back to your own to code.");
    return;
  }
  if (code.statementLevel) {
    const statementId = statementFor(passage);
    if (!statementId) {
      warn("Go to a statement first (j / k), then press the code's key.");
      return;
    }
    await toggleStatementCode(statementId, code);
    return;
  }
  if (!passage || passage.error) {
    warn(passage ? passage.error : "Select a passage of a statement first.");
    return;
  }
  await codePassage(code, passage);
}

async function codePassage(code, passage) {
  const key = `${passage.statementId}:${passage.start}:${passage.end}:${code.id}`;
  if (state.saving.has(key)) return;
  const selecting = state.selecting;
  state.saving.add(key);
  setSaving(passage.statementId, true);
  try {
    const annotation = await api("POST", urls.annotations(), {
      statement: passage.statementId,
      code: code.id,
      start: passage.start,
      end: passage.end,
      quote: passage.quote,
    });
    remember(annotation);
    // The analyst may have begun the next selection while this one was saving: leave it.
    const idle = state.selecting === selecting;
    if (idle) {
      closePicker();
      clearSelection();
    }
    redraw([annotation.statement]);
    sayUndoable(`Coded “${shorten(annotation.quote)}” as ${annotation.code_name}.`);
    // Back to the statement for the next key, without scrolling away from where one reads.
    if (idle) focusStatement(statements.get(annotation.statement).el, { scroll: false });
  } catch (error) {
    // Keep the selection and the picker: the analyst can retry; nothing was drawn.
    warn(`Not saved: ${error.message}`);
  } finally {
    state.saving.delete(key);
    setSaving(passage.statementId, false);
  }
}

export async function toggleStatementCode(statementId, code) {
  const existing = annotationsOf(statementId).find((a) => a.start === null && a.code === code.id);
  if (existing) {
    try {
      await removeAnnotation(existing.id);
    } catch (error) {
      warn(`Not removed: ${error.message}`);
    }
    return;
  }
  setSaving(statementId, true);
  try {
    const annotation = await api("POST", urls.annotations(), {
      statement: statementId,
      code: code.id,
    });
    remember(annotation);
    redraw([statementId]);
    const order = statements.get(statementId).order;
    sayUndoable(`${code.name}: on for statement ${order}.`);
  } catch (error) {
    warn(`Not saved: ${error.message}`);
  } finally {
    setSaving(statementId, false);
  }
}

// A 409 carries the annotation as the server has it now: show that, then report the
// refusal with `message`. Any other error passes through unchanged.
function rethrowStale(error, statementId, message) {
  if (error.status === 409 && error.body && error.body.current) {
    remember(error.body.current);
    redraw([statementId]);
    throw new ApiError(message, { status: 409 });
  }
  throw error;
}

export async function removeAnnotation(id) {
  const annotation = state.mine.get(id);
  if (!annotation) return;
  try {
    await api("DELETE", urls.annotation(id, { version: annotation.version }));
  } catch (error) {
    rethrowStale(
      error,
      annotation.statement,
      "it changed elsewhere since you loaded it; the current version is shown now.",
    );
  }
  state.mine.delete(id);
  closeCard();
  redraw([annotation.statement]);
  const what = `${annotation.code_name}${annotation.quote ? ` on “${shorten(annotation.quote)}”` : ""}`;
  sayUndoable(`Deleted ${what}.`);
}

async function patchAnnotation(id, changes) {
  const annotation = await api("PATCH", urls.annotation(id), changes);
  remember(annotation);
  redraw([annotation.statement]);
  return annotation;
}

export async function updateAnnotation(id, changes) {
  const before = state.mine.get(id);
  let updated;
  try {
    updated = await patchAnnotation(id, { ...changes, version: before.version });
  } catch (error) {
    rethrowStale(
      error,
      before.statement,
      "This annotation changed elsewhere since you opened it (now shown as it is). Your edit was not saved; check it and save again.",
    );
  }
  return updated;
}
