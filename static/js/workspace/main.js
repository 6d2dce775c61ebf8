// The annotation workspace: select a passage, pick a code, and it is saved through the
// REST API at once. This entry module only wires the parts together and draws the page
// once; each part is its own module (see the imports), with no import cycles, so the
// manifest static storage can give every module a stable hashed name.

import { requestsInFlight } from "./api.js";
import { listenToCard } from "./card.js";
import { unsavedMemos } from "./card_entries.js";
import { applyCode } from "./coding.js";
import { listenToCompare } from "./compare.js";
import { renderProgress } from "./done.js";
import { listenToFilters } from "./filters.js";
import { listenToFind } from "./find.js";
import { listenToFindCoding, renderFindCoding } from "./find_coding.js";
import { drawHelp } from "./help.js";
import { redraw } from "./highlights.js";
import { listenToHistoryKeys } from "./history.js";
import { listenToKeys } from "./keyboard.js";
import { listenToMemos, loadMemos } from "./memos.js";
import { listenToMissed, loadMissed } from "./missed.js";
import { listenToPicker } from "./picker.js";
import { listenToPointer } from "./pointer.js";
import { openQuoteLink } from "./quote_link.js";
import { canCode, config, paint, root, state } from "./state.js";
import { listenToSuggestionGroups } from "./suggestion_bulk.js";
import { listenToSuggestions, loadSuggestions } from "./suggestions.js";

// Leaving with a request under way or a memo typed and not saved asks first.
window.addEventListener("beforeunload", (event) => {
  if (requestsInFlight() > 0 || unsavedMemos()) {
    event.preventDefault();
    event.returnValue = "";
  }
});

listenToPicker((code) => applyCode(code, state.pending));
listenToCard();
listenToFilters();
listenToFind({ onChange: renderFindCoding });
listenToFindCoding();
listenToSuggestions();
listenToSuggestionGroups();
listenToHistoryKeys();
listenToMissed();
listenToMemos();
listenToCompare();
drawHelp();
listenToPointer();
listenToKeys();

paint(document.body);
redraw();
renderProgress(config.doneCount ?? state.done.size, config.statementCount);
loadSuggestions();
loadMissed();
loadMemos();
root.classList.toggle("is-readonly", !canCode());
openQuoteLink().finally(() => {
  root.dataset.ready = "true";
});
