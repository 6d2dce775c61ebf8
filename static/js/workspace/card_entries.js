// What the annotation card lists: one entry per annotation under the highlight, with
// the memo and code editable (and a delete button) on the analyst's own annotations.

import { showCard, closeCard } from "./card.js";
import { removeAnnotation, updateAnnotation } from "./coding.js";
import { say, warn } from "./messages.js";
import { canCode, codeOf, config, shown, state } from "./state.js";
import { sayUndoable } from "./undo.js";

const entryTemplate = document.getElementById("annotation-entry");

/** Open the card on the annotations `ids` under `anchor` (a highlight). */
export function openCard(ids, anchor) {
  const annotations = ids.map((id) => shown().get(id)).filter(Boolean);
  if (!annotations.length) return;
  showCard(annotations.map(entryFor), anchor);
}

function entryFor(annotation) {
  const entry = entryTemplate.content.firstElementChild.cloneNode(true);
  const code = codeOf(annotation);
  entry.dataset.annotationId = String(annotation.id);
  entry.style.setProperty("--code-colour", code.colour);
  entry.querySelector(".entry-code").textContent = code.name;
  entry.querySelector(".entry-analyst").textContent = annotation.analyst;
  entry.querySelector(".entry-quote").textContent = annotation.quote;
  const editable = canCode() && annotation.analyst === config.analyst;
  const readonlyMemo = entry.querySelector(".entry-memo-readonly");
  if (!editable) {
    entry.querySelector(".entry-edit").remove();
    readonlyMemo.textContent = annotation.memo ? `Memo: ${annotation.memo}` : "No memo.";
    return entry;
  }
  readonlyMemo.remove();
  makeEditable(entry, annotation);
  return entry;
}

function makeEditable(entry, annotation) {
  const select = entry.querySelector(".entry-code-select");
  const memo = entry.querySelector(".entry-memo");
  const uid = `entry-${annotation.id}`;
  select.id = `${uid}-code`;
  memo.id = `${uid}-memo`;
  select.value = String(annotation.code);
  memo.value = annotation.memo;
  // What the server has: leaving the page with a different memo asks first.
  memo.dataset.saved = annotation.memo;
  entry.querySelector(".entry-save").addEventListener("click", () => save(annotation.id, memo, select));
  entry.querySelector(".entry-delete").addEventListener("click", async () => {
    try {
      await removeAnnotation(annotation.id);
    } catch (error) {
      warn(`Not deleted: ${error.message}`);
    }
  });
}

async function save(id, memo, select) {
  const current = state.mine.get(id);
  const changes = {};
  if (memo.value !== current.memo) changes.memo = memo.value;
  if (Number(select.value) !== current.code) changes.code = Number(select.value);
  if (!Object.keys(changes).length) {
    say("Nothing changed.");
    return;
  }
  try {
    const updated = await updateAnnotation(id, changes);
    memo.dataset.saved = updated.memo;
    sayUndoable(`Saved ${updated.code_name}.`);
    closeCard();
  } catch (error) {
    if (error.status === 409) {
      // Show the server's version in the controls, but keep the analyst's typed memo.
      const fresh = state.mine.get(id);
      memo.dataset.saved = fresh.memo;
      select.value = String(fresh.code);
    }
    warn(`Not saved: ${error.message}`);
  }
}

/** Memos typed and not saved, anywhere on the page. */
export function unsavedMemos() {
  return [...document.querySelectorAll(".entry-memo")].some(
    (area) => area.value !== area.dataset.saved,
  );
}
