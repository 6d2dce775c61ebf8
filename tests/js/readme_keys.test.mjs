// README's "Keys" table lists the rows of the key table, with the same keys in each row,
// so the guide cannot promise a key the page does not handle (or miss one it does).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { KEYS, keyCaps } from "../../static/js/workspace/keys.js";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

/** The first cells of the table under "### Keys", one per row. */
function readmeKeyCells() {
  const section = readme.split(/^### Keys$/m)[1];
  assert.ok(section, 'README has no "### Keys" section');
  const body = section.split(/^#{2,3} /m)[0];
  const rows = body.split("\n").filter((line) => line.startsWith("|"));
  return rows.slice(2).map((line) => line.split("|")[1]);
}

/** `Shift`+`A` or `j` in a cell → "Shift+A", "j". */
function combosIn(cell) {
  return [...cell.matchAll(/`[^`]+`(?:\+`[^`]+`)*/g)].map((m) => m[0].replaceAll("`", ""));
}

const tableCombos = (row) => row.keys.map((key) => keyCaps(key).join("+"));

test("README's Keys table has one row per row of the key table, with the same keys", () => {
  assert.deepEqual(readmeKeyCells().map(combosIn), KEYS.map(tableCombos));
});

test("every key of the key table is in README, and README names no other", () => {
  const inReadme = new Set(readmeKeyCells().flatMap(combosIn));
  const inTable = new Set(KEYS.flatMap(tableCombos));
  assert.deepEqual([...inTable].filter((k) => !inReadme.has(k)), []);
  assert.deepEqual([...inReadme].filter((k) => !inTable.has(k)), []);
});
