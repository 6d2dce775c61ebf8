// Drawing highlights: each statement's text rebuilt from what the server stored, with a
// <mark> per annotation, and everything that depends on what is shown redrawn after.

import { applyFilters } from "./filters.js";
import { refreshFind } from "./find.js";
import { laneSpans, pieces } from "./lanes.js";
import { restoreSelection, selectionWithin } from "./selection.js";
import { canCode, codeOf, shown, state, statementList, statements } from "./state.js";
import { drawSuggestions } from "./suggestion_list.js";

export function annotationsOf(statementId) {
  return [...shown().values()].filter((a) => a.statement === statementId);
}

/** The shown annotations grouped by statement: one pass, however many statements. */
function annotationsByStatement() {
  const grouped = new Map();
  for (const a of shown().values()) {
    if (!grouped.has(a.statement)) grouped.set(a.statement, []);
    grouped.get(a.statement).push(a);
  }
  return grouped;
}

function markFor({ a, lane }, last) {
  const code = codeOf(a);
  const mark = document.createElement("mark");
  mark.className = a.id === state.target ? "hl is-target" : "hl";
  // The code's name after the passage's last piece (CSS ::after, so never part of the
  // text): which code sits where is read, not told by hue alone.
  if (last) mark.dataset.label = code.name;
  mark.dataset.annotationId = String(a.id);
  mark.dataset.depth = String(Math.min(lane, 3));
  mark.style.setProperty("--code-colour", code.colour);
  // Not focusable: a focusable mark would stop a drag selection starting inside it.
  // Keyboard users put the caret on a highlight (← →) and press Enter.
  mark.title = `${code.name} — ${a.analyst}${a.memo ? ": " + a.memo : ""}`;
  return mark;
}

function renderStatement(statement, annotations = annotationsOf(statement.id)) {
  const { text, textEl } = statement;
  const fragment = document.createDocumentFragment();
  for (const { from, to, covering } of pieces(text, laneSpans(text, annotations))) {
    let node = document.createTextNode(text.slice(from, to));
    // Lowest lane outermost: build from the innermost mark outwards.
    for (let i = covering.length - 1; i >= 0; i--) {
      const mark = markFor(covering[i], covering[i].end === to);
      mark.append(node);
      node = mark;
    }
    fragment.append(node);
  }
  const kept = selectionWithin(textEl);
  textEl.replaceChildren(fragment);
  if (kept) restoreSelection(textEl, kept);
  renderStatementCodes(statement, annotations);
}

function renderStatementCodes(statement, annotations) {
  const levels = annotations.filter((a) => a.start === null);
  for (const button of statement.el.querySelectorAll(".statement-code")) {
    const annotation = levels.find((a) => a.code === Number(button.dataset.codeId));
    button.setAttribute("aria-pressed", annotation ? "true" : "false");
    if (annotation) button.dataset.annotationId = String(annotation.id);
    else delete button.dataset.annotationId;
    button.disabled = !canCode();
  }
  for (const memo of statement.el.querySelectorAll(".statement-code-memo")) {
    const annotation = levels.find((a) => a.code === Number(memo.dataset.codeId));
    // Kept in place when off (visibility, not display): nothing in the heading moves.
    memo.classList.toggle("is-off", !annotation);
    if (annotation) memo.dataset.annotationId = String(annotation.id);
    memo.classList.toggle("has-memo", Boolean(annotation && annotation.memo));
  }
}

function renderCounts() {
  const counts = new Map();
  for (const a of shown().values()) counts.set(a.code, (counts.get(a.code) || 0) + 1);
  for (const el of document.querySelectorAll("[data-count-for]")) {
    const n = counts.get(Number(el.dataset.countFor)) || 0;
    el.textContent = String(n);
    el.setAttribute("aria-label", `${n} annotation${n === 1 ? "" : "s"}`);
  }
}

/** Redraw the given statements (all by default), then the counts, filters, find and
 * suggestions, which all depend on what is drawn. */
export function redraw(statementIds = null) {
  if (state.dragging) {
    // Replacing the text under a selection being dragged would cut the drag short.
    for (const id of statementIds || statements.keys()) state.deferred.add(id);
    return;
  }
  const targets = statementIds
    ? statementIds.map((id) => statements.get(id)).filter(Boolean)
    : statementList;
  const grouped = annotationsByStatement();
  for (const statement of targets) renderStatement(statement, grouped.get(statement.id) || []);
  renderCounts();
  applyFilters();
  refreshFind();
  drawSuggestions();
}

/** The end of a mouse selection: draw what waited for it. */
export function endDrag() {
  if (!state.dragging) return;
  state.dragging = false;
  if (state.deferred.size) {
    const ids = [...state.deferred];
    state.deferred.clear();
    redraw(ids);
  }
}
