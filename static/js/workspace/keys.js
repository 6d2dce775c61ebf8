// The one key table: what each key does, in the analysts' words. The keyboard handler
// (keyboard.js) dispatches from it, the help dialog (?) is drawn from it, and a test holds
// README's "Keys" table to it. Pure: Node's tests import it.
//
// `keys` are KeyboardEvent.key values. A "Shift+" prefix only documents the key: the
// browser already reports Shift+a as "A" (and caps-lock a too), and the arrows read
// shiftKey themselves. `when` names the condition a row needs; its action checks it and
// returns false when it does not hold, so the next row for the key is tried. A row with
// no keys takes any key no other row handled (the codes' own keys). A row of two opposite
// moves (j / k) has one action per key, in the order of its keys.

export const KEYS = [
  {
    keys: ["j", "k"],
    action: ["nextStatement", "previousStatement"],
    description: "Next / previous statement",
  },
  {
    keys: ["ArrowLeft", "ArrowRight"],
    action: "moveCaret",
    description: "In a statement: move the caret a word (start a selection there)",
  },
  {
    keys: ["Shift+ArrowLeft", "Shift+ArrowRight"],
    action: "moveCaret",
    description: "Extend the selection by a word",
  },
  {
    keys: ["Shift+ArrowUp", "Shift+ArrowDown"],
    action: "moveCaret",
    description: "Extend the selection by a sentence",
  },
  {
    keys: ["Enter"],
    when: "caret on a highlight",
    action: "openAnnotations",
    description: "Open its annotations: memo, code, delete (or click the highlight)",
  },
  { keys: ["c", "Enter"], action: "openPicker", description: "Open the code picker for the selection" },
  {
    keys: [],
    label: "a code's key",
    action: "applyCode",
    description:
      "Apply that code to the selection (a statement-level code: toggle it on the current statement)",
  },
  {
    keys: ["d"],
    action: "toggleDone",
    description: "Mark the current statement done (or not done) and go to the next",
  },
  {
    keys: ["u", "Ctrl+Z"],
    action: "undo",
    description: "Undo your last change (also after a reload)",
  },
  {
    keys: ["Shift+U", "Ctrl+Shift+Z", "Ctrl+Y"],
    action: "redo",
    description: "Redo what you undid last",
  },
  {
    keys: ["n", "p"],
    action: ["nextSuggestion", "previousSuggestion"],
    description: "Next / previous suggestion",
  },
  { keys: ["Shift+A"], action: "acceptSuggestion", description: "Accept the current suggestion" },
  { keys: ["x"], action: "dismissSuggestion", description: "Dismiss the current suggestion" },
  {
    keys: ["f", "/"],
    action: "find",
    description:
      "Find in meeting (Enter: next match, Shift+Enter: previous, Esc: select the match, then a code's key codes it)",
  },
  { keys: ["Escape"], action: "close", description: "Close the picker or a panel" },
  { keys: ["?"], action: "help", description: "This help" },
];

const SYMBOLS = {
  ArrowLeft: "←",
  ArrowRight: "→",
  ArrowUp: "↑",
  ArrowDown: "↓",
  Escape: "Esc",
};

/** The KeyboardEvent.key a table key stands for ("Shift+A" → "A"). */
export const eventKey = (key) => key.replace(/^Shift\+/, "");

/** A table key as the analyst reads it, one part per key cap: "Shift+ArrowUp" → ["Shift", "↑"]. */
export function keyCaps(key) {
  return key.split("+").map((part) => SYMBOLS[part] || part);
}

/** The rows to try for `key`, in order: those naming it, then those taking any key. */
export function rowsFor(key, table = KEYS) {
  const named = table.filter((row) => row.keys.some((k) => eventKey(k) === key));
  return named.concat(table.filter((row) => row.keys.length === 0));
}

/** The action a row runs for `key`: its only one, or the one in the key's place. */
export function actionFor(row, key) {
  if (!Array.isArray(row.action)) return row.action;
  return row.action[row.keys.map(eventKey).indexOf(key)];
}

/** The actions a row can run, for checks of the table. */
export const actionsOf = (row) => [].concat(row.action);

/** How a row's keys are joined when listed: "/" between opposite moves, else "or". */
export const joiner = (row) => (Array.isArray(row.action) ? " / " : " or ");

/** Run the first action that handles the event; true if one did (its default prevented). */
export function dispatch(event, actions, table = KEYS) {
  for (const row of rowsFor(event.key, table)) {
    if (actions[actionFor(row, event.key)](event)) {
      event.preventDefault();
      return true;
    }
  }
  return false;
}
