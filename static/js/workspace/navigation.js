// Moving around: the current statement, j / k among the statements the filters show, and
// the caret and selection moved by word or sentence inside a statement.

import { say } from "./messages.js";
import { textPosition } from "./offsets.js";
import { caretAnnotations, clearSelection } from "./selection.js";
import { codeOf, shown, state, statementList, statements } from "./state.js";

export function visibleStatements() {
  return statementList.filter((s) => !s.el.hidden && !s.el.closest(".segment").hidden);
}

/** Make el the statement being worked on, and show it as such. */
export function markCurrent(el) {
  state.current = el;
  for (const s of statementList) s.el.classList.toggle("is-current", s.el === el);
}

export function focusStatement(el, { scroll = true } = {}) {
  if (!el) return;
  markCurrent(el);
  el.focus({ preventScroll: true });
  if (!scroll) return;
  // Bring the statement's beginning into view: a long statement is read from its top.
  const top = el.getBoundingClientRect().top;
  if (top < 0 || top > window.innerHeight - 120) el.scrollIntoView({ block: "start" });
}

export function moveStatement(step) {
  const visible = visibleStatements();
  if (!visible.length) return;
  const index = visible.findIndex((s) => s.el === state.current);
  const first = step > 0 ? 0 : visible.length - 1;
  const next = index === -1 ? first : Math.min(Math.max(index + step, 0), visible.length - 1);
  clearSelection();
  focusStatement(visible[next].el);
}

/** Put the caret at the start of textEl unless the selection already lies in it. */
function caretInto(selection, textEl) {
  const inside =
    selection.rangeCount &&
    textEl.contains(selection.anchorNode) &&
    textEl.contains(selection.focusNode);
  if (inside) return;
  const start = textPosition(textEl, 0);
  selection.collapse(start.node, start.offset);
}

function announceCaret() {
  const under = caretAnnotations();
  if (!under.length) return;
  const names = under.map((id) => codeOf(shown().get(id)).name).join(", ");
  say(`On ${names}. Enter opens ${under.length === 1 ? "it" : "them"}.`);
}

/** Keyboard selection inside the current statement: caret by word, extend by word/sentence. */
export function moveCaret(event) {
  const statement = state.current && statements.get(Number(state.current.dataset.statementId));
  if (!statement) return false;
  const selection = window.getSelection();
  const { textEl } = statement;
  caretInto(selection, textEl);
  const horizontal = event.key === "ArrowLeft" || event.key === "ArrowRight";
  if (!horizontal && !event.shiftKey) return false;
  state.selecting++;
  const forward = event.key === "ArrowRight" || event.key === "ArrowDown";
  const direction = forward ? "forward" : "backward";
  selection.modify(event.shiftKey ? "extend" : "move", direction, horizontal ? "word" : "sentence");
  // Keep the selection inside this statement's text.
  if (!textEl.contains(selection.focusNode)) {
    const edge = textPosition(textEl, forward ? statement.text.length : 0);
    selection.extend(edge.node, edge.offset);
  }
  announceCaret();
  return true;
}
