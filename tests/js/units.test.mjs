// The other pure parts: error sentences, API addresses, find, and highlight lanes.
import assert from "node:assert/strict";
import { test } from "node:test";

import { describeError, refusalMessage } from "../../static/js/workspace/api.js";
import { findMatches } from "../../static/js/workspace/find_matches.js";
import { laneSpans, pieces } from "../../static/js/workspace/lanes.js";
import { endpoints, withId } from "../../static/js/workspace/urls.js";

test("a DRF error body reads as one sentence naming the fields", () => {
  assert.equal(describeError({ detail: "Not found." }), "Not found.");
  assert.equal(
    describeError({ start: ["Past the end."], non_field_errors: ["Overlaps."] }),
    "Passage: Past the end. Overlaps.",
  );
  assert.equal(describeError({ codes: { 0: ["Unknown code."] } }), "Codes: 0: Unknown code.");
  assert.equal(describeError(null), "");
});

test("a refusal says what the analyst can do", () => {
  assert.equal(refusalMessage(502, null), "The server failed (502). Nothing was saved.");
  assert.match(refusalMessage(403, { detail: "Authentication credentials were not provided." }), /sign in again/);
  assert.equal(refusalMessage(404, null), "The server answered 404.");
});

test("addresses come from the page's reversed URLs, with the 0 replaced by the id", () => {
  assert.equal(withId("/api/statements/0/done/", 12), "/api/statements/12/done/");
  const urls = endpoints({
    annotations: "/api/annotations/",
    annotation: "/api/annotations/0/",
    missedOpportunities: "/api/missed-opportunities/",
  });
  assert.equal(urls.annotation(7, { version: 3 }), "/api/annotations/7/?version=3");
  assert.equal(urls.annotation(7), "/api/annotations/7/");
  assert.equal(urls.annotations(), "/api/annotations/");
  assert.equal(
    urls.annotations({ meeting: 4, analyst: "bruno" }),
    "/api/annotations/?meeting=4&analyst=bruno",
  );
});

test("find takes the typed text literally and ignores case", () => {
  const text = "Gender (in)equality and GENDER-based violence";
  assert.deepEqual(findMatches(text, "gender"), [
    { start: 0, end: 6 },
    { start: 24, end: 30 },
  ]);
  assert.deepEqual(findMatches(text, "(in)"), [{ start: 7, end: 11 }]);
  assert.deepEqual(findMatches(text, "   "), []);
  assert.deepEqual(findMatches(text, ".*"), []);
});

test("overlapping passages take separate lanes; a later one reuses a free lane", () => {
  const a = (id, start, end) => ({ id, start, end });
  const spans = laneSpans("0123456789", [a(1, 0, 5), a(2, 3, 8), a(3, 6, 9), { id: 4, start: null }]);
  assert.deepEqual(
    spans.map((s) => [s.a.id, s.lane]),
    [
      [1, 0],
      [2, 1],
      [3, 0],
    ],
  );
  const cut = pieces("0123456789", spans).map((p) => [p.from, p.to, p.covering.map((s) => s.a.id)]);
  assert.deepEqual(cut, [
    [0, 3, [1]],
    [3, 5, [1, 2]],
    [5, 6, [2]],
    [6, 8, [3, 2]],
    [8, 9, [3]],
    [9, 10, []],
  ]);
});

test("lanes are counted in UTF-16 units from code point offsets", () => {
  const [span] = laneSpans("😀 hi", [{ id: 1, start: 2, end: 4 }]);
  assert.deepEqual([span.start, span.end], [3, 5]);
});
