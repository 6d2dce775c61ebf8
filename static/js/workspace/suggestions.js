// Suggestions: load them, move through them (n / p), and accept (Shift+A) or dismiss (x)
// one; each decision can be undone (the server logs it), which reopens the suggestion.

import { api } from "./api.js";
import { remember } from "./coding.js";
import { clearFilters } from "./filters.js";
import { redraw } from "./highlights.js";
import { say, shorten, warn } from "./messages.js";
import { markCurrent } from "./navigation.js";
import { textPosition, toUtf16 } from "./offsets.js";
import { canCode, config, state, statements, urls } from "./state.js";
import {
  drawSuggestions,
  dropSuggestion,
  renderSuggestions,
  showSuggestionsUnavailable,
  suggestionList,
} from "./suggestion_list.js";
import { sayUndoable } from "./undo.js";

export async function loadSuggestions() {
  if (!config.canCode) {
    showSuggestionsUnavailable("Suggestions are for the analysts who code.", "0");
    return;
  }
  try {
    const data = await api("GET", urls.suggestions());
    state.suggestions = data.suggestions;
    state.suggestionStats = { accepted: data.accepted, dismissed: data.dismissed };
    renderSuggestions();
  } catch (error) {
    showSuggestionsUnavailable(`Suggestions could not be loaded: ${error.message}`);
  }
}

function markListItem(index) {
  for (const item of suggestionList.children) item.removeAttribute("aria-current");
  const item = suggestionList.children[index];
  if (item) {
    item.setAttribute("aria-current", "true");
    item.scrollIntoView({ block: "nearest" });
  }
}

function scrollToSuggestion(s) {
  const statement = statements.get(s.statement);
  if (!statement) return;
  // A suggestion in a filtered-out statement: show every statement so it can be seen.
  if (statement.el.hidden) clearFilters();
  markCurrent(statement.el);
  const position = textPosition(statement.textEl, toUtf16(statement.text, s.start));
  (position.node.parentElement || statement.el).scrollIntoView({ block: "center" });
}

/** Make suggestion number `index` (wrapping around) the current one, and go to it. */
export function selectSuggestion(index, { announce = true } = {}) {
  if (!state.suggestions.length) {
    say("No open suggestions.");
    return;
  }
  state.suggestionIndex = (index + state.suggestions.length) % state.suggestions.length;
  const s = state.suggestions[state.suggestionIndex];
  markListItem(state.suggestionIndex);
  scrollToSuggestion(s);
  drawSuggestions();
  if (!announce) return;
  say(
    `Suggestion ${state.suggestionIndex + 1} of ${state.suggestions.length}: ${s.code_name} — “${shorten(s.quote, 60)}”. Shift+A accepts, x dismisses.`,
  );
}

const choiceOf = (s) => ({ statement: s.statement, code: s.code, start: s.start, end: s.end });

async function accept(s) {
  const choice = choiceOf(s);
  const annotation = await api("POST", urls.suggestionAccept(), choice);
  // Counted before the annotation is kept: keeping it redraws the list and its figures.
  state.suggestionStats.accepted++;
  remember(annotation);
  dropSuggestion(s);
  redraw([s.statement]);
  sayUndoable(`Accepted: ${s.code_name} on “${shorten(s.quote)}”.`);
}

async function dismiss(s) {
  const choice = choiceOf(s);
  await api("POST", urls.suggestionDismiss(), choice);
  state.suggestionStats.dismissed++;
  dropSuggestion(s);
  sayUndoable(`Dismissed: ${s.code_name} on “${shorten(s.quote)}”.`);
}

export async function decideSuggestion(s, decision) {
  if (!s || !canCode()) return;
  try {
    await (decision === "accept" ? accept(s) : dismiss(s));
    if (state.suggestions.length && state.suggestionIndex >= 0) {
      selectSuggestion(state.suggestionIndex, { announce: false });
    }
  } catch (error) {
    warn(`Not saved: ${error.message}`);
  }
}

/** The current suggestion, decided; a warning when none is current. */
export function decideCurrentSuggestion(decision) {
  if (state.suggestionIndex < 0) warn("Choose a suggestion first (n / p).");
  else decideSuggestion(state.suggestions[state.suggestionIndex], decision);
}

// The list is redrawn whenever state.suggestions changes, so an item's place in the list
// is its suggestion's index: one listener serves every item.
export function listenToSuggestions() {
  suggestionList.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (!button || !suggestionList.contains(button)) return;
    const index = [...suggestionList.children].indexOf(button.closest(".suggestion-item"));
    const s = state.suggestions[index];
    if (!s) return;
    if (button.classList.contains("suggestion-show")) selectSuggestion(index);
    else if (button.classList.contains("suggestion-accept")) decideSuggestion(s, "accept");
    else if (button.classList.contains("suggestion-dismiss")) decideSuggestion(s, "dismiss");
  });
}
