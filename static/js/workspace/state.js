// What the page knows: the config and annotations from json_script, the statements as
// drawn by the template, and the mutable state every other module reads and changes.
//
// Data reaches the script through json_script (#workspace-config, #workspace-annotations)
// and data-* attributes; user text is only ever set with textContent.

import { endpoints } from "./urls.js";

export const root = document.getElementById("workspace");
export const config = JSON.parse(document.getElementById("workspace-config").textContent);
export const urls = endpoints(document.getElementById("workspace-urls").dataset);
export const codesById = new Map(config.codes.map((code) => [code.id, code]));
export const codesByShortcut = new Map(
  config.codes.filter((code) => code.shortcut).map((code) => [code.shortcut, code]),
);

function readStatements() {
  const found = new Map(); // id → { id, el, textEl, text, order }
  for (const el of document.querySelectorAll("[data-statement-id]")) {
    const textEl = el.querySelector("[data-statement-text]");
    const id = Number(el.dataset.statementId);
    found.set(id, { id, el, textEl, text: textEl.textContent, order: Number(el.dataset.order) });
  }
  return found;
}

export const statements = readStatements();
export const statementList = [...statements.values()];

export const state = {
  mine: new Map(), // my live annotations, by id
  viewing: "", // "" = mine; else the username whose annotations are shown read-only
  others: new Map(), // the shown analyst's annotations, by id
  done: new Set(config.doneStatements),
  current: null, // the statement being worked on
  pending: null, // the selection the picker will code: { statementId, start, end, quote }
  saving: new Set(), // passages being saved, so a double key press saves once
  dragging: false, // a mouse selection is under way: redraws wait for the mouse button
  selecting: 0, // counts selections the analyst began (mouse or keys)
  deferred: new Set(), // statements to redraw once it is up
  undo: [],
  redo: [], // undone steps that can be done again (a new change forgets them)
  suggestions: [],
  suggestionIndex: -1,
  suggestionStats: { accepted: 0, dismissed: 0 },
  missed: [],
  editingMissed: null,
  find: { matches: [], index: -1 },
  target: null, // the annotation a quote link points at: marked wherever it is drawn
};

for (const annotation of JSON.parse(
  document.getElementById("workspace-annotations").textContent,
)) {
  state.mine.set(annotation.id, annotation);
}

export const canCode = () => config.canCode && !state.viewing;
export const shown = () => (state.viewing ? state.others : state.mine);

/** The code of an annotation; one the codebook no longer lists still gets a name. */
export const codeOf = (annotation) =>
  codesById.get(annotation.code) || {
    id: annotation.code,
    slug: annotation.code_slug,
    name: annotation.code_name,
    colour: "#57606a",
    statementLevel: annotation.start === null,
  };

/** Colours from data-colour into a CSS variable: the CSP forbids inline style attributes. */
export function paint(el) {
  for (const item of [el, ...el.querySelectorAll("[data-colour]")]) {
    if (item.dataset && item.dataset.colour) {
      item.style.setProperty("--code-colour", item.dataset.colour);
    }
  }
}
