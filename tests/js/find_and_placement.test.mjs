// Find ignores UN typography with the text's own offsets; the picker stays on screen.
import assert from "node:assert/strict";
import { test } from "node:test";

import { findMatches } from "../../static/js/workspace/find_matches.js";
import { placeBeside } from "../../static/js/workspace/placement.js";

const text = "A survivor\u2011centred approach: 96\u00a0per cent of the \u201cequal\u201d partners\u2019 aims [1].";
const found = (needle) => findMatches(text, needle).map(({ start, end }) => text.slice(start, end));

test("a typed hyphen finds a non-breaking hyphen, a space a non-breaking space", () => {
  assert.deepEqual(found("survivor-centred"), ["survivor\u2011centred"]);
  assert.deepEqual(found("96 per cent"), ["96\u00a0per cent"]);
});

test("straight quotes find curly ones, and the offsets are the text's own", () => {
  assert.deepEqual(found('"equal"'), ["\u201cequal\u201d"]);
  assert.deepEqual(found("partners' aims"), ["partners\u2019 aims"]);
  const [match] = findMatches(text, "96 per");
  assert.equal(match.start, text.indexOf("96"));
});

test("pattern characters are taken literally", () => {
  assert.deepEqual(found("[1]"), ["[1]"]);
  assert.deepEqual(found("a.b"), []);
  assert.deepEqual(found("   "), []);
});

test("the picker goes below a selection, above it near the foot, never over it", () => {
  const viewport = { width: 1360, height: 900 };
  assert.deepEqual(placeBeside({ left: 100, top: 100, bottom: 120 }, 500, 400, viewport), {
    left: 100,
    top: 128,
    room: 400,
  });
  assert.deepEqual(placeBeside({ left: 100, top: 850, bottom: 870 }, 500, 400, viewport), {
    left: 100,
    top: 442,
    room: 400,
  });
  // Too tall for either side: the side with more room, cut to it.
  const squeezed = placeBeside({ left: 1300, top: 300, bottom: 320 }, 500, 700, viewport);
  assert.deepEqual([squeezed.top, squeezed.room], [328, 564]);
  assert.ok(squeezed.left + 500 <= viewport.width);
});
