// The one key table: the dispatcher runs its rows in order, and the labels the help
// dialog and README show are derived from it.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  KEYS,
  actionFor,
  actionsOf,
  dispatch,
  eventKey,
  keyCaps,
  rowsFor,
} from "../../static/js/workspace/keys.js";

/** A KeyboardEvent as far as the dispatcher reads it. */
function press(key, { shiftKey = false } = {}) {
  return { key, shiftKey, prevented: false, preventDefault() { this.prevented = true; } };
}

/** Actions that record their calls; `declines` lists those that do not apply. */
function recorder(declines = []) {
  const calls = [];
  const actions = {};
  for (const action of KEYS.flatMap(actionsOf)) {
    actions[action] = (event) => (calls.push([action, event.key]), !declines.includes(action));
  }
  return { calls, actions };
}

test("every row names an action, a description, and keys or a label", () => {
  for (const row of KEYS) {
    assert.ok(row.action && row.description, JSON.stringify(row));
    assert.ok(row.keys.length || row.label, JSON.stringify(row));
    if (Array.isArray(row.action)) assert.equal(row.action.length, row.keys.length);
  }
});

test("Shift+ only documents a key: the browser reports Shift+a as A", () => {
  assert.equal(eventKey("Shift+A"), "A");
  assert.equal(eventKey("Shift+ArrowUp"), "ArrowUp");
  assert.equal(eventKey("?"), "?");
  assert.equal(rowsFor("A")[0].action, "acceptSuggestion");
});

test("a key runs its row's action and takes the key from the browser", () => {
  const { calls, actions } = recorder();
  const event = press("j");
  assert.equal(dispatch(event, actions), true);
  assert.deepEqual(calls, [["nextStatement", "j"]]);
  assert.equal(event.prevented, true);
});

test("each of two opposite moves runs its own action", () => {
  const { calls, actions } = recorder();
  dispatch(press("k"), actions);
  dispatch(press("n"), actions);
  assert.deepEqual(calls, [
    ["previousStatement", "k"],
    ["nextSuggestion", "n"],
  ]);
  assert.equal(actionFor(rowsFor("p")[0], "p"), "previousSuggestion");
});

test("Enter opens the card on a highlight, else the picker", () => {
  const onHighlight = recorder();
  dispatch(press("Enter"), onHighlight.actions);
  assert.deepEqual(onHighlight.calls, [["openAnnotations", "Enter"]]);
  const elsewhere = recorder(["openAnnotations"]);
  dispatch(press("Enter"), elsewhere.actions);
  assert.deepEqual(elsewhere.calls, [
    ["openAnnotations", "Enter"],
    ["openPicker", "Enter"],
  ]);
});

test("a key no row names goes to the codes' own keys", () => {
  const { calls, actions } = recorder();
  dispatch(press("1"), actions);
  assert.deepEqual(calls, [["applyCode", "1"]]);
});

test("a key nobody handles is left to the browser", () => {
  const { actions } = recorder(["applyCode", "close"]);
  for (const key of ["1", "Escape"]) {
    const event = press(key);
    assert.equal(dispatch(event, actions), false);
    assert.equal(event.prevented, false);
  }
});

test("every arrow reaches the caret, with or without Shift", () => {
  for (const key of ["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"]) {
    assert.equal(actionFor(rowsFor(key)[0], key), "moveCaret", key);
  }
});

test("no key is named by two rows unless the first one can decline it", () => {
  const conditional = new Set(KEYS.filter((row) => row.when).flatMap(actionsOf));
  const seen = new Map();
  for (const row of KEYS) {
    for (const key of row.keys.map(eventKey)) {
      const earlier = seen.get(key);
      const action = actionFor(row, key);
      if (earlier && earlier !== action) {
        assert.ok(conditional.has(earlier), `${key}: ${earlier}, then ${action}`);
      }
      seen.set(key, earlier || action);
    }
  }
});

test("keys read as key caps", () => {
  assert.deepEqual(keyCaps("Shift+ArrowUp"), ["Shift", "↑"]);
  assert.deepEqual(keyCaps("Escape"), ["Esc"]);
  assert.deepEqual(keyCaps("/"), ["/"]);
});
