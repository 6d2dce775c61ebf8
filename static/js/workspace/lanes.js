// Where highlights go: passages in UTF-16 units, each on one lane (underline depth), and
// the pieces of text between every start and end. Pure: Node's tests import it.

import { toUtf16 } from "./offsets.js";

/** The passages of `annotations` in `text`, in reading order, each with its lane. */
export function laneSpans(text, annotations) {
  const spans = annotations
    .filter((a) => a.start !== null)
    .map((a) => ({ a, start: toUtf16(text, a.start), end: toUtf16(text, a.end), lane: 0 }))
    .sort((x, y) => x.start - y.start || y.end - x.end || x.a.id - y.a.id);
  // Each passage keeps one lane along its whole length, so overlapping passages stay
  // apart: the first lane free where it starts.
  const laneEnds = [];
  for (const span of spans) {
    let lane = laneEnds.findIndex((end) => end <= span.start);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = span.end;
    span.lane = lane;
  }
  return spans;
}

/** The pieces [from, to) of text between every passage's start and end, with the
 * passages covering each, lowest lane first. */
export function pieces(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const span of spans) cuts.add(span.start).add(span.end);
  const points = [...cuts].sort((x, y) => x - y);
  const result = [];
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i];
    const to = points[i + 1];
    const covering = spans
      .filter((s) => s.start <= from && s.end >= to)
      .sort((x, y) => x.lane - y.lane);
    result.push({ from, to, covering });
  }
  return result;
}
