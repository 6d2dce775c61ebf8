// Comparing with another analyst: their annotations shown read-only in place of mine.

import { fetchAll } from "./api.js";
import { closeCard } from "./card.js";
import { redraw } from "./highlights.js";
import { say, warn } from "./messages.js";
import { closePicker } from "./picker.js";
import { canCode, config, root, state, urls } from "./state.js";
import { renderSuggestions } from "./suggestion_list.js";

// Absent in a blind meeting the analyst has not finished: others' work is not hers to see.
const viewSelect = document.getElementById("view-analyst");
const readonlyBanner = document.getElementById("readonly-banner");

function showReadOnly() {
  readonlyBanner.hidden = canCode();
  readonlyBanner.textContent = state.viewing
    ? `You are looking at ${state.viewing}'s annotations: read-only.` +
      (config.canCode ? ' Choose "My annotations" to code again.' : "")
    : "Your role can read this meeting but not code it.";
  root.classList.toggle("is-readonly", !canCode());
}

async function view(username) {
  if (!viewSelect) return false;
  closePicker();
  closeCard();
  try {
    if (username) {
      const list = await fetchAll(urls.annotations({ meeting: config.meeting, analyst: username }));
      state.others = new Map(list.map((a) => [a.id, a]));
    }
    state.viewing = username;
  } catch (error) {
    viewSelect.value = state.viewing;
    warn(`Could not load ${username}'s annotations: ${error.message}`);
    return false;
  }
  viewSelect.value = state.viewing;
  showReadOnly();
  redraw();
  renderSuggestions();
  say(state.viewing ? `Showing ${state.viewing}'s annotations (read-only).` : "Showing your annotations.");
  return true;
}

/** Show `username`'s annotations read-only (a quote link to their passage); true if shown. */
export const viewAnalyst = (username) => view(username);

export function listenToCompare() {
  viewSelect?.addEventListener("change", () => view(viewSelect.value));
}
