// Selections: the passage the analyst selected, in code points, and the highlights
// under the caret. Reads the DOM selection; changes nothing but the selection itself.

import { textOffset, textPosition, toCodePoints } from "./offsets.js";
import { statementList } from "./state.js";

/** The statements whose text `range` covers some words of, with the covered UTF-16 span. */
function statementsUnder(range) {
  const hits = [];
  for (const statement of statementList) {
    if (!range.intersectsNode(statement.textEl)) continue;
    const { textEl, text } = statement;
    const start16 = textEl.contains(range.startContainer)
      ? textOffset(textEl, range.startContainer, range.startOffset)
      : 0;
    const end16 = textEl.contains(range.endContainer)
      ? textOffset(textEl, range.endContainer, range.endOffset)
      : text.length;
    if (end16 > start16 && text.slice(start16, end16).trim()) {
      hits.push({ statement, start16, end16 });
    }
  }
  return hits;
}

/** The passage selected in one statement, in code points, or { error }. */
export function currentPassage() {
  const selection = window.getSelection();
  if (!selection.rangeCount || selection.isCollapsed) {
    return { error: "Select a passage of a statement first." };
  }
  const range = selection.getRangeAt(0);
  const hits = statementsUnder(range);
  if (hits.length > 1) {
    return { error: "A passage must lie within one statement: select again inside one." };
  }
  if (hits.length === 0) {
    return { error: "Select words of a statement's text (not only spaces or its heading)." };
  }
  const { statement } = hits[0];
  const { text } = statement;
  let { start16, end16 } = hits[0];
  // Leave out white space at either end, as an analyst means the words.
  while (start16 < end16 && /\s/.test(text[start16])) start16++;
  while (end16 > start16 && /\s/.test(text[end16 - 1])) end16--;
  return {
    statementId: statement.id,
    start: toCodePoints(text, start16),
    end: toCodePoints(text, end16),
    quote: text.slice(start16, end16),
    rect: range.getBoundingClientRect(),
  };
}

export function clearSelection() {
  window.getSelection().removeAllRanges();
}

/** The selection's ends as UTF-16 offsets in textEl, if the selection lies in it. */
export function selectionWithin(textEl) {
  const selection = window.getSelection();
  if (!selection.rangeCount) return null;
  const { anchorNode, anchorOffset, focusNode, focusOffset } = selection;
  if (!textEl.contains(anchorNode) || !textEl.contains(focusNode)) return null;
  return {
    anchor: textOffset(textEl, anchorNode, anchorOffset),
    focus: textOffset(textEl, focusNode, focusOffset),
  };
}

export function restoreSelection(textEl, { anchor, focus }) {
  const from = textPosition(textEl, anchor);
  const to = textPosition(textEl, focus);
  window.getSelection().setBaseAndExtent(from.node, from.offset, to.node, to.offset);
}

/** The annotation ids of the highlights around element, outermost first. */
export function idsAt(element) {
  const ids = [];
  for (let el = element.closest(".hl"); el; el = el.parentElement.closest(".hl")) {
    ids.unshift(Number(el.dataset.annotationId));
  }
  return [...new Set(ids)];
}

/** Annotations under a collapsed caret (outermost first), else none. */
export function caretAnnotations() {
  const selection = window.getSelection();
  if (!selection.rangeCount || !selection.isCollapsed) return [];
  const node = selection.focusNode;
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
  if (!element || !element.closest("[data-statement-text]")) return [];
  // At the very end of a text node the caret sits after the highlight, not on it.
  if (node.nodeType === Node.TEXT_NODE && selection.focusOffset === node.length) return [];
  return idsAt(element);
}
