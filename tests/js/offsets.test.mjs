// Offsets cross between the server's code points and the DOM's UTF-16 units.
import assert from "node:assert/strict";
import { test } from "node:test";

import { toCodePoints, toUtf16 } from "../../static/js/workspace/offsets.js";

const text = "Survivors 👩🏽‍⚖️ said: e\u0301 then 𝒳 approach";

test("an astral character counts once in code points and twice in UTF-16", () => {
  assert.equal(toCodePoints("😀a", 3), 2);
  assert.equal(toUtf16("😀a", 2), 3);
});

test("a combining accent is a code point of its own", () => {
  assert.equal(toCodePoints("e\u0301x", 2), 2);
  assert.equal(toUtf16("e\u0301x", 2), 2);
});

test("the two conversions undo each other at every character boundary", () => {
  for (let points = 0; points <= [...text].length; points++) {
    assert.equal(toCodePoints(text, toUtf16(text, points)), points);
  }
  const before = text.slice(0, text.indexOf("then"));
  assert.equal(toCodePoints(text, before.length), [...before].length);
});

test("a UTF-16 index inside a surrogate pair counts the unfinished pair once", () => {
  assert.equal(toCodePoints("😀a", 1), 1);
});

test("offsets past the end stop at the end", () => {
  assert.equal(toCodePoints("ab", 10), 2);
  assert.equal(toUtf16("a😀", 10), 3);
});
