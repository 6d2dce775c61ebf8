// Code from find: the hits of "find in meeting" coded with one code, this hit or all of
// them, as ONE step that undo takes back whole (and redo does again; the server logs it). Saved through the
// batch API (annotations.coding.batches), all or nothing; drawn only once stored.

import { api } from "./api.js";
import { remember } from "./coding.js";
import { redraw } from "./highlights.js";
import { shorten, warn } from "./messages.js";
import { toCodePoints } from "./offsets.js";
import { canCode, codesById, state, urls } from "./state.js";
import { sayUndoable } from "./undo.js";

const codeSelect = document.getElementById("find-code");
const currentButton = document.getElementById("find-code-current");
const allButton = document.getElementById("find-code-all");

/** The find hits as the server's spans, less those I already coded with `code`. */
function spansOf(matches, code) {
  const coded = new Set(
    [...state.mine.values()]
      .filter((a) => a.code === code.id)
      .map((a) => `${a.statement}:${a.start}:${a.end}`),
  );
  return matches
    .map(({ statement, start, end }) => ({
      statement: statement.id,
      start: toCodePoints(statement.text, start),
      end: toCodePoints(statement.text, end),
      quote: statement.text.slice(start, end),
    }))
    .filter((s) => !coded.has(`${s.statement}:${s.start}:${s.end}`));
}

const statementsOf = (annotations) => [...new Set(annotations.map((a) => a.statement))];

async function codeHits(all) {
  const code = codesById.get(Number(codeSelect.value));
  const { matches, index } = state.find;
  const chosen = all ? matches : matches.slice(index, index + 1);
  if (!canCode()) return warn("These annotations are read-only: switch back to your own to code.");
  if (!code || !chosen.length) return warn("Find a phrase and choose a code first.");
  const spans = spansOf(chosen, code);
  if (!spans.length) return warn(`Already coded with ${code.name}.`);
  let data;
  try {
    data = await api("POST", urls.annotationBatch(), { code: code.id, spans });
  } catch (error) {
    return warn(`Not saved: ${error.message}`);
  }
  const created = data.annotations;
  for (const a of created) remember(a);
  redraw(statementsOf(created));
  const what = `${created.length} hit${created.length === 1 ? "" : "s"} of “${shorten(created[0].quote)}” as ${code.name}`;
  sayUndoable(`Coded ${what}.`);
}

/** Enable the buttons as the hits allow; "All hits" names how many. */
export function renderFindCoding() {
  if (!allButton) return; // a role that reads but does not code has no such controls
  const count = state.find.matches.length;
  allButton.textContent = count > 1 ? `Code all ${count} hits` : "Code all hits";
  allButton.disabled = !canCode() || count === 0;
  currentButton.disabled = !canCode() || state.find.index < 0;
  codeSelect.disabled = !canCode();
}

export function listenToFindCoding() {
  if (!allButton) return;
  currentButton.addEventListener("click", () => codeHits(false));
  allButton.addEventListener("click", () => codeHits(true));
}
