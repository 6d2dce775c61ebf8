// What "find in meeting" matches: the typed text taken literally (no pattern syntax),
// ignoring case. Pure: Node's tests import it.

/** The [start, end) UTF-16 spans of needle in text; none for a blank needle. */
export function findMatches(text, needle) {
  if (!needle.trim()) return [];
  const pattern = new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "gi");
  return [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}
