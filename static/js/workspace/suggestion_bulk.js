// Accept all or dismiss all the open suggestions of a code, or of one of its keywords, as
// ONE step (POST /api/suggestions/decide/, annotations.coding.decisions): one request, one
// transaction, undone and redone whole. The server leaves out what is already decided or
// coded and says how many; the list and its counts are read again from the server.

import { api } from "./api.js";
import { remember } from "./coding.js";
import { redraw } from "./highlights.js";
import { warn } from "./messages.js";
import { canCode, config, urls } from "./state.js";
import { loadSuggestions } from "./suggestions.js";
import { sayUndoable } from "./undo.js";

const groupsEl = document.getElementById("suggestion-groups");

function leftOut(result) {
  const parts = [];
  if (result.already_decided) parts.push(`${result.already_decided} already decided`);
  if (result.already_coded) parts.push(`${result.already_coded} already coded`);
  return parts.length ? ` (${parts.join(", ")}: left as they were)` : "";
}

async function decideAll(buttonEl) {
  if (!canCode()) return warn("These annotations are read-only: switch back to your own.");
  const { decision, code, keyword } = buttonEl.dataset;
  const body = { meeting: config.meeting, code: Number(code), decision };
  if (keyword) body.keyword = keyword;
  let result;
  try {
    result = await api("POST", urls.suggestionsDecide(), body);
  } catch (error) {
    return warn(`Not saved: ${error.message}`);
  }
  for (const annotation of result.annotations) remember(annotation);
  redraw([...new Set(result.annotations.map((a) => a.statement))]);
  await loadSuggestions();
  const verb = decision === "accept" ? "Accepted" : "Dismissed";
  const count = result.decided;
  const what = buttonEl.getAttribute("aria-label").replace(/^\S+ all \d+ suggestions of /, "");
  sayUndoable(`${verb} ${count} suggestion${count === 1 ? "" : "s"} of ${what}${leftOut(result)}.`);
}

export function listenToSuggestionGroups() {
  if (!groupsEl) return;
  groupsEl.addEventListener("click", (event) => {
    const buttonEl = event.target.closest("button.suggestion-bulk");
    if (buttonEl && groupsEl.contains(buttonEl)) decideAll(buttonEl);
  });
}
