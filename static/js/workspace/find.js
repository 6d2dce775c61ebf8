// Find in meeting: the matches in the statements shown, painted with the CSS Custom
// Highlight API (no marks, so the annotation highlights stay untouched).

import { findMatches } from "./find_matches.js";
import { focusStatement, markCurrent, visibleStatements } from "./navigation.js";
import { paintsRanges, rangeOf, textPosition } from "./offsets.js";
import { state } from "./state.js";

const findInput = document.getElementById("find");
const findCount = document.getElementById("find-count");

export function refreshFind({ keepIndex = true } = {}) {
  const needle = findInput.value;
  const matches = [];
  for (const s of needle.trim() ? visibleStatements() : []) {
    for (const { start, end } of findMatches(s.text, needle)) {
      matches.push({ statement: s, start, end });
    }
  }
  state.find.matches = matches;
  if (!keepIndex || state.find.index >= matches.length) state.find.index = matches.length ? 0 : -1;
  drawFind();
}

function drawFind() {
  const { matches, index } = state.find;
  if (paintsRanges) {
    const ranges = matches.map((m) => rangeOf(m.statement.textEl, m.start, m.end));
    CSS.highlights.set("find", new Highlight(...ranges.filter((_, i) => i !== index)));
    CSS.highlights.set("find-current", new Highlight(...(index >= 0 ? [ranges[index]] : [])));
  }
  if (!findInput.value.trim()) findCount.textContent = "";
  else if (!matches.length) findCount.textContent = "No matches.";
  else findCount.textContent = `Match ${index + 1} of ${matches.length}.`;
  if (onFindChange) onFindChange();
}

// Who draws what depends on the hits (find_coding.js's buttons); set by listenToFind.
let onFindChange = null;

/** Select the current hit in its statement, so a code's key codes it (Esc in the box). */
function selectCurrentHit() {
  const match = state.find.matches[state.find.index];
  if (!match) return false;
  focusStatement(match.statement.el, { scroll: false });
  const range = rangeOf(match.statement.textEl, match.start, match.end);
  window.getSelection().removeAllRanges();
  window.getSelection().addRange(range);
  return true;
}

function stepFind(step) {
  const { matches } = state.find;
  if (!matches.length) return;
  state.find.index = (state.find.index + step + matches.length) % matches.length;
  drawFind();
  const match = matches[state.find.index];
  markCurrent(match.statement.el);
  const position = textPosition(match.statement.textEl, match.start);
  (position.node.parentElement || match.statement.el).scrollIntoView({ block: "center" });
}

/** The f and / keys: open the find panel and type into it. */
export function startFind() {
  findInput.closest("details").open = true;
  findInput.focus();
  findInput.select();
}

export function listenToFind({ onChange = null } = {}) {
  onFindChange = onChange;
  findInput.addEventListener("input", () => refreshFind({ keepIndex: false }));
  findInput.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      stepFind(event.shiftKey ? -1 : 1);
    } else if (event.key === "Escape") {
      event.preventDefault();
      findInput.blur();
      if (!selectCurrentHit()) focusStatement(state.current);
    }
  });
  document.getElementById("find-next").addEventListener("click", () => stepFind(1));
  document.getElementById("find-previous").addEventListener("click", () => stepFind(-1));
}
