// What "find in meeting" matches: the typed text taken literally (no pattern syntax),
// ignoring case and UN typography: a hyphen finds any hyphen or dash (the records'
// non-breaking U+2011), a space any run of spaces (non-breaking ones too), a straight
// quote its curly forms. The offsets are those of the text itself. Pure: Node's tests
// import it.

const HYPHENS = "-\u2010\u2011\u2012\u2013\u2014\u2212";
const APOSTROPHES = "'\u2018\u2019\u02bc\u2032";
const QUOTES = '"\u201c\u201d\u201e\u2033';
const SPACES = "\\s\u00a0\u2007\u202f";
const escape = (chars) => chars.replace(/[-\]\\^]/g, "\\$&");
// Each typed character of a family finds every member of it.
const FAMILIES = [HYPHENS, APOSTROPHES, QUOTES].map((chars) => ({
  chars,
  pattern: `[${escape(chars)}]`,
}));

function charPattern(char) {
  const family = FAMILIES.find(({ chars }) => chars.includes(char));
  return family ? family.pattern : char.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** A regular expression source for `needle` that ignores UN typography. */
export function findPattern(needle) {
  let source = "";
  let inSpace = false;
  for (const char of needle) {
    if (/[\s\u00a0\u2007\u202f]/.test(char)) {
      if (!inSpace) source += `[${SPACES}]+`;
      inSpace = true;
      continue;
    }
    inSpace = false;
    source += charPattern(char);
  }
  return source;
}

/** The [start, end) UTF-16 spans of needle in text; none for a blank needle. */
export function findMatches(text, needle) {
  if (!needle.trim()) return [];
  const pattern = new RegExp(findPattern(needle.trim()), "giu");
  return [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}
