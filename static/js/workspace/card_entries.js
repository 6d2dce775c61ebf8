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
  const quote = entry.querySelector(".entry-quote");
  if (annotation.start === null) {
    // A statement-level code: no passage, and its code is switched in the heading.
    quote.replaceWith(Object.assign(document.createElement("p"), {
      className: "muted entry-whole",
      textContent: "On the whole statement.",
    }));
    entry.querySelector(".entry-code-label").remove();
  } else quote.textContent = annotation.quote;
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
  if (select) select.id = `${uid}-code`;
  memo.id = `${uid}-memo`;
  if (select) select.value = String(annotation.code);
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
  if (select && Number(select.value) !== current.code) changes.code = Number(select.value);
  if (!Object.keys(changes).length) {
    say("Nothing changed.");
    return;
  }
  try {
    const updated = await updateAnnotation(id, changes);
    memo.dataset.saved = updated.memo;
    memo.closest(".annotation-entry").querySelector(".entry-conflict")?.remove();
    sayUndoable(`Saved ${updated.code_name}.`);
    closeCard();
  } catch (error) {
    if (error.status === 409) {
      // Both versions side by side: the one saved elsewhere, and the analyst's own, which
      // stays in the controls to be saved again over it.
      const fresh = state.mine.get(id);
      memo.dataset.saved = fresh.memo;
      showConflict(memo.closest(".annotation-entry"), fresh);
    }
    warn(`Not saved: ${error.message}`);
  }
}

function showConflict(entry, fresh) {
  entry.querySelector(".entry-conflict")?.remove();
  const box = document.createElement("div");
  box.className = "entry-conflict";
  box.setAttribute("role", "group");
  box.setAttribute("aria-label", "The version saved elsewhere");
  const heading = document.createElement("p");
  heading.append(
    Object.assign(document.createElement("strong"), { textContent: "Saved elsewhere meanwhile: " }),
    codeOf(fresh).name,
  );
  const saved = Object.assign(document.createElement("blockquote"), {
    className: "entry-conflict-memo",
    textContent: fresh.memo || "(no memo)",
  });
  const hint = Object.assign(document.createElement("p"), {
    className: "muted small-text",
    textContent: "Your version is below, not saved. Save puts it over the one above.",
  });
  box.append(heading, saved, hint);
  entry.querySelector(".entry-edit").before(box);
}

/** Memos typed and not saved, anywhere on the page. */
export function unsavedMemos() {
  return [...document.querySelectorAll(".entry-memo")].some(
    (area) => area.value !== area.dataset.saved,
  );
}
