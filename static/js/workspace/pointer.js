// The mouse: a drag selects a passage and opens the picker, a click on a highlight opens
// its card, and the statement's buttons code it or mark it done.

import { card, closeCard } from "./card.js";
import { openCard } from "./card_entries.js";
import { toggleStatementCode } from "./coding.js";
import { toggleDone } from "./done.js";
import { endDrag } from "./highlights.js";
import { warn } from "./messages.js";
import { markCurrent } from "./navigation.js";
import { closePicker, openPicker, picker } from "./picker.js";
import { clearSelection, currentPassage, idsAt } from "./selection.js";
import { canCode, codesById, state, statements } from "./state.js";

const statementsEl = document.getElementById("statements");

function onMouseDown(event) {
  if (event.button !== 0 || !event.target.closest("[data-statement-text]")) return;
  state.dragging = true;
  state.selecting++;
  // Pressing inside the current selection would drag the quote away (drag-and-drop)
  // instead of starting a new selection: an analyst re-selecting means the latter.
  if (event.detail === 1 && !window.getSelection().isCollapsed) clearSelection();
}

/** After a drag: the picker for the passage selected, or the reason there is none. */
function offerPicker(event) {
  const selection = window.getSelection();
  if (selection.isCollapsed) return;
  const statementEl = event.target.closest("[data-statement-id]");
  if (statementEl) state.current = statementEl;
  const passage = currentPassage();
  if (passage.error) {
    if (/one statement/.test(passage.error)) warn(passage.error);
    closePicker();
    return;
  }
  if (!canCode()) return;
  state.current = statements.get(passage.statementId).el;
  openPicker(passage);
}

function onMouseUp(event) {
  if (event.button !== 0) return;
  endDrag();
  if (event.target.closest("#code-picker, #annotation-card, .side-panel, dialog, .site-header")) {
    return;
  }
  // After the browser has settled the selection.
  setTimeout(() => offerPicker(event), 0);
}

function onStatementClick(event) {
  const done = event.target.closest(".done-toggle");
  const levelCode = event.target.closest(".statement-code");
  const levelMemo = event.target.closest(".statement-code-memo");
  const statementEl = event.target.closest("[data-statement-id]");
  if (statementEl) markCurrent(statementEl);
  if (done) {
    toggleDone(Number(statementEl.dataset.statementId));
    return;
  }
  if (levelMemo) {
    openCard([Number(levelMemo.dataset.annotationId)], levelMemo);
    return;
  }
  if (levelCode) {
    const code = codesById.get(Number(levelCode.dataset.codeId));
    if (code) toggleStatementCode(Number(statementEl.dataset.statementId), code);
    return;
  }
  const mark = event.target.closest(".hl");
  if (mark && window.getSelection().isCollapsed) openCard(idsAt(mark), mark);
}

function onFocusIn(event) {
  const statementEl = event.target.closest("[data-statement-id]");
  if (statementEl && statementEl !== state.current) markCurrent(statementEl);
}

/** A press outside the picker or the card puts it away. */
function onPressAnywhere(event) {
  if (!picker.hidden && !picker.contains(event.target) && !event.target.closest(".hl")) {
    closePicker();
  }
  if (!card.hidden && !card.contains(event.target)) closeCard();
}

export function listenToPointer() {
  statementsEl.addEventListener("mousedown", onMouseDown);
  // Drag-and-drop ends without a mouseup; the selection drag must end all the same.
  statementsEl.addEventListener("dragstart", endDrag);
  document.addEventListener("pointercancel", endDrag);
  window.addEventListener("blur", endDrag);
  document.addEventListener("mousemove", (event) => {
    if (state.dragging && event.buttons === 0) endDrag();
  });
  document.addEventListener("mouseup", onMouseUp);
  statementsEl.addEventListener("click", onStatementClick);
  statementsEl.addEventListener("focusin", onFocusIn);
  document.addEventListener("mousedown", onPressAnywhere);
}
