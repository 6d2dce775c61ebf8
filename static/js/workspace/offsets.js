// Offsets: the server counts Unicode code points of Statement.text; the DOM counts UTF-16
// units. Every offset crosses that border through toCodePoints / toUtf16, so emoji and
// other astral characters before a passage do not shift it.
//
// The first two functions are pure (Node's tests import them); the others touch the
// document only when called.

/** The number of code points in text[0:utf16Index]. */
export function toCodePoints(text, utf16Index) {
  let points = 0;
  for (let i = 0; i < utf16Index && i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate and its low surrogate are one code point: count the pair once.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < utf16Index) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    points++;
  }
  return points;
}

/** The UTF-16 index of code point number `points` in text. */
export function toUtf16(text, points) {
  let index = 0;
  for (let n = 0; n < points && index < text.length; n++) {
    const point = text.codePointAt(index);
    index += point > 0xffff ? 2 : 1;
  }
  return index;
}

/** Offset, in UTF-16 units, of (node, offset) from the start of root's text. */
export function textOffset(root, node, offset) {
  const range = document.createRange();
  range.setStart(root, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** The text node and offset at UTF-16 index `index` of root's text. */
export function textPosition(root, index) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let seen = 0;
  let last = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (index <= seen + node.length) return { node, offset: index - seen };
    seen += node.length;
    last = node;
  }
  return last ? { node: last, offset: last.length } : { node: root, offset: 0 };
}

/** A DOM range over root's text from UTF-16 index start16 to end16. */
export function rangeOf(root, start16, end16) {
  const range = document.createRange();
  const from = textPosition(root, start16);
  const to = textPosition(root, end16);
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/** Whether ranges can be painted without marks (the CSS Custom Highlight API), as find
 * and suggestions are, so they never disturb the annotation highlights. */
export const paintsRanges = typeof CSS !== "undefined" && "highlights" in CSS;
