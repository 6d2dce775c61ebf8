// The suggestion list and its painted passages: what the codebook's keywords point at
// and the analyst has not answered yet. Deciding on one is in suggestions.js; this part
// only draws, so the coding and highlight modules can ask it to redraw.

import { shorten } from "./messages.js";
import { paintsRanges, rangeOf, toUtf16 } from "./offsets.js";
import { canCode, state, statements } from "./state.js";
import { renderSuggestionGroups } from "./suggestion_groups.js";

export const suggestionList = document.getElementById("suggestion-list");
const suggestionCount = document.getElementById("suggestion-count");
const suggestionStats = document.getElementById("suggestion-stats");
const suggestionTemplate = document.getElementById("suggestion-item");
const suggestionKey = (s) => `${s.statement}:${s.code}:${s.start}:${s.end}`;

function itemFor(s, index) {
  const item = suggestionTemplate.content.firstElementChild.cloneNode(true);
  const statement = statements.get(s.statement);
  item.dataset.suggestion = suggestionKey(s);
  item.style.setProperty("--code-colour", s.code_colour);
  item.querySelector(".suggestion-code").textContent = s.code_name;
  item.querySelector(".suggestion-where").textContent = statement
    ? `statement ${statement.order}`
    : `statement ${s.statement}`;
  item.querySelector(".suggestion-keyword").textContent = s.keyword;
  item.querySelector(".suggestion-quote").textContent = shorten(s.quote, 160);
  if (index === state.suggestionIndex) item.setAttribute("aria-current", "true");
  const label = `${s.code_name} suggestion ${index + 1}`;
  const accept = item.querySelector(".suggestion-accept");
  const dismiss = item.querySelector(".suggestion-dismiss");
  item.querySelector(".suggestion-show").setAttribute("aria-label", `Show ${label}`);
  accept.setAttribute("aria-label", `Accept ${label}`);
  dismiss.setAttribute("aria-label", `Dismiss ${label}`);
  accept.disabled = dismiss.disabled = !canCode();
  return item;
}

/** The list as state.suggestions has it; its buttons are answered in suggestions.js. */
export function renderSuggestions() {
  suggestionList.replaceChildren(...state.suggestions.map(itemFor));
  suggestionCount.textContent = String(state.suggestions.length);
  const { accepted, dismissed } = state.suggestionStats;
  suggestionStats.textContent = `You accepted ${accepted} and dismissed ${dismissed} so far.`;
  renderSuggestionGroups();
  drawSuggestions();
}

export function showSuggestionsUnavailable(message, count = null) {
  if (count !== null) suggestionCount.textContent = count;
  suggestionStats.textContent = message;
}

export function drawSuggestions() {
  if (!paintsRanges) return;
  const ranges = [];
  let current = null;
  if (!state.viewing) {
    state.suggestions.forEach((s, index) => {
      const statement = statements.get(s.statement);
      if (!statement || statement.el.hidden) return;
      const range = rangeOf(
        statement.textEl,
        toUtf16(statement.text, s.start),
        toUtf16(statement.text, s.end),
      );
      if (index === state.suggestionIndex) current = range;
      else ranges.push(range);
    });
  }
  CSS.highlights.set("suggestion", new Highlight(...ranges));
  CSS.highlights.set("suggestion-current", new Highlight(...(current ? [current] : [])));
}

/** Take out the suggestions `annotation` answers: its code on an overlapping passage. */
export function answerSuggestions(annotation) {
  if (annotation.start === null) return;
  const answered = state.suggestions.filter(
    (s) =>
      s.statement === annotation.statement &&
      s.code === annotation.code &&
      s.start < annotation.end &&
      s.end > annotation.start,
  );
  if (!answered.length) return;
  state.suggestions = state.suggestions.filter((s) => !answered.includes(s));
  if (state.suggestionIndex >= state.suggestions.length) {
    state.suggestionIndex = state.suggestions.length - 1;
  }
  renderSuggestions();
}

export function dropSuggestion(s) {
  const index = state.suggestions.indexOf(s);
  if (index === -1) return;
  state.suggestions.splice(index, 1);
  if (state.suggestionIndex >= state.suggestions.length) {
    state.suggestionIndex = state.suggestions.length - 1;
  }
  renderSuggestions();
}

/** Put an undone decision's suggestion back where it was, in reading order. */
export function restoreSuggestion(s) {
  const position = state.suggestions.findIndex(
    (other) => other.statement === s.statement && other.start > s.start,
  );
  state.suggestions.splice(position === -1 ? state.suggestions.length : position, 0, s);
  renderSuggestions();
}
