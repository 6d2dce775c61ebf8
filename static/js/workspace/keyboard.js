// The keyboard: the key table's actions, and the one document listener that runs them.
// Which key does what is in keys.js; here is only what each action does.

import { closeCard } from "./card.js";
import { openCard } from "./card_entries.js";
import { applyCode } from "./coding.js";
import { toggleDone } from "./done.js";
import { startFind } from "./find.js";
import { helpDialog, openHelp } from "./help.js";
import { redo, undo } from "./history.js";
import { dispatch } from "./keys.js";
import { warn } from "./messages.js";
import { missedDialog } from "./missed.js";
import { moveCaret, moveStatement } from "./navigation.js";
import { closePicker, openPicker } from "./picker.js";
import { caretAnnotations, currentPassage } from "./selection.js";
import { canCode, codesByShortcut, state } from "./state.js";
import { decideCurrentSuggestion, selectSuggestion } from "./suggestions.js";

// Inputs one does not type into: a checkbox keeps focus after a click, yet j / k must work.
const TOGGLES = new Set(["checkbox", "radio", "button", "submit", "reset"]);

function typing(target) {
  if (!(target instanceof HTMLElement)) return false;
  if (target.tagName === "INPUT") return !TOGGLES.has(target.type);
  return target.isContentEditable || ["TEXTAREA", "SELECT"].includes(target.tagName);
}

/** Keys the workspace leaves to the browser or to the control that has focus. */
function ignored(event) {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return true;
  if (helpDialog.open || missedDialog.open || typing(event.target)) return true;
  // Any other dialog open (the memos'): its controls take the keys.
  if (document.querySelector("dialog[open]")) return true;
  const closest = (selector) => event.target.closest && event.target.closest(selector);
  // The card's controls take their own keys (Escape is the card's own listener's).
  if (closest("#annotation-card")) return true;
  const control = closest("button, a, summary, input");
  return Boolean(control) && (event.key === "Enter" || event.key === " ");
}

/** The live selection, else the passage the open picker holds (focus may have moved). */
function passageToCode() {
  const selection = currentPassage();
  return selection.error && state.pending ? state.pending : selection;
}

const onStatement = () =>
  state.current &&
  (document.activeElement === state.current || document.activeElement === document.body);

const currentStatementId = () => state.current && Number(state.current.dataset.statementId);

// Each action returns true when it handled the key. Most always do; those with a
// condition return false when it does not hold, so the next row for the key is tried.
const actions = {
  nextStatement: () => (moveStatement(1), true),
  previousStatement: () => (moveStatement(-1), true),
  moveCaret: (event) => onStatement() && moveCaret(event),
  openAnnotations() {
    const ids = caretAnnotations();
    if (!ids.length) return false;
    openCard(ids, window.getSelection().focusNode.parentElement.closest(".hl"));
    return true;
  },
  openPicker() {
    if (!canCode()) warn("These annotations are read-only.");
    else {
      const passage = passageToCode();
      if (passage.error) warn(passage.error);
      else openPicker(passage, { focus: true });
    }
    return true;
  },
  applyCode(event) {
    // Shift with a letter is a command (Shift+A), never a code's key.
    const code = event.shiftKey && /^[a-z]$/i.test(event.key) ? null : codesByShortcut.get(event.key);
    if (!code) return false;
    applyCode(code, passageToCode());
    return true;
  },
  toggleDone() {
    if (state.current) toggleDone(currentStatementId(), { advance: true });
    else warn("Go to a statement first (j / k).");
    return true;
  },
  undo: () => (undo(), true),
  redo: () => (redo(), true),
  nextSuggestion: () => (selectSuggestion(state.suggestionIndex + 1), true),
  previousSuggestion: () => (selectSuggestion(state.suggestionIndex - 1), true),
  acceptSuggestion: () => (decideCurrentSuggestion("accept"), true),
  dismissSuggestion: () => (decideCurrentSuggestion("dismiss"), true),
  find: () => (startFind(), true),
  // Escape closes without taking the key: the browser may still act on it.
  close() {
    closePicker();
    closeCard();
    return false;
  },
  help: () => (openHelp(), true),
};

export function listenToKeys() {
  document.addEventListener("keydown", (event) => {
    if (!ignored(event)) dispatch(event, actions);
  });
}
