// The annotation workspace: select a passage, pick a code, and it is saved through the
// REST API at once. Nothing is drawn before the server has stored it: a highlight always
// shows what the server answered, never what the browser hoped.
//
// Offsets: the server counts Unicode code points of Statement.text; the DOM counts UTF-16
// units. Every offset crosses that border through toCodePoints / toUtf16 below.
//
// Data reaches this module through json_script (#workspace-config, #workspace-annotations)
// and data-* attributes; user text is only ever set with textContent.

// ---------------------------------------------------------------------------------------
// Offsets

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
function textOffset(root, node, offset) {
  const range = document.createRange();
  range.setStart(root, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** The text node and offset at UTF-16 index `index` of root's text. */
function textPosition(root, index) {
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

function rangeOf(root, start16, end16) {
  const range = document.createRange();
  const from = textPosition(root, start16);
  const to = textPosition(root, end16);
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

// ---------------------------------------------------------------------------------------
// Talking to the server

class ApiError extends Error {
  constructor(message, { status = 0, body = null } = {}) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

function csrfToken() {
  const field = document.querySelector("input[name=csrfmiddlewaretoken]");
  if (field) return field.value;
  const cookie = document.cookie.split("; ").find((c) => c.startsWith("csrftoken="));
  return cookie ? decodeURIComponent(cookie.split("=")[1]) : "";
}

const FIELD_NAMES = {
  non_field_errors: "",
  detail: "",
  start: "Passage",
  end: "Passage",
  quote: "Quote",
  code: "Code",
  code_slug: "Code",
  codes: "Codes",
  memo: "Memo",
  title: "Title",
  rationale: "Rationale",
};

/** A readable sentence from a DRF error body ({"detail"} or {field: [messages]}). */
export function describeError(body) {
  if (!body) return "";
  if (typeof body === "string") return body;
  if (Array.isArray(body)) return body.map(describeError).join(" ");
  if (body.detail && typeof body.detail === "string") return body.detail;
  return Object.entries(body)
    .map(([field, messages]) => {
      const label = field in FIELD_NAMES ? FIELD_NAMES[field] : field;
      const text = typeof messages === "object" ? describeError(messages) : String(messages);
      return label ? `${label}: ${text}` : text;
    })
    .join(" ");
}

let inFlight = 0;

async function api(method, url, body) {
  const options = {
    method,
    credentials: "same-origin",
    headers: { Accept: "application/json", "X-CSRFToken": csrfToken() },
  };
  if (body !== undefined) {
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  let response;
  inFlight++;
  try {
    response = await fetch(url, options);
  } catch {
    throw new ApiError("Could not reach the server (network error). Nothing was saved.");
  } finally {
    inFlight--;
  }
  if (response.status === 204) return null;
  let data = null;
  try {
    data = await response.json();
  } catch {
    data = null;
  }
  if (!response.ok) {
    let message = describeError(data);
    if (!message) message = `The server answered ${response.status}.`;
    if (response.status >= 500) message = `The server failed (${response.status}). Nothing was saved.`;
    if (response.status === 401 || (response.status === 403 && /credentials/i.test(message))) {
      message = "Your session has ended: sign in again in another tab, then retry.";
    }
    throw new ApiError(message, { status: response.status, body: data });
  }
  return data;
}

/** Every page of a paginated list (cursor or page-number pagination alike). */
async function fetchAll(url) {
  const items = [];
  let next = url;
  while (next) {
    const page = await api("GET", next);
    if (Array.isArray(page)) return items.concat(page);
    items.push(...(page.results || []));
    next = page.next;
  }
  return items;
}

// ---------------------------------------------------------------------------------------
// State

const root = document.getElementById("workspace");
const config = JSON.parse(document.getElementById("workspace-config").textContent);
const codesById = new Map(config.codes.map((code) => [code.id, code]));
const codesByShortcut = new Map(
  config.codes.filter((code) => code.shortcut).map((code) => [code.shortcut, code]),
);

const statements = new Map(); // id → { id, el, textEl, text, order }
for (const el of document.querySelectorAll("[data-statement-id]")) {
  const textEl = el.querySelector("[data-statement-text]");
  const id = Number(el.dataset.statementId);
  statements.set(id, { id, el, textEl, text: textEl.textContent, order: Number(el.dataset.order) });
}
const statementList = [...statements.values()];

const state = {
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
  suggestions: [],
  suggestionIndex: -1,
  suggestionStats: { accepted: 0, dismissed: 0 },
  missed: [],
  editingMissed: null,
  find: { matches: [], index: -1 },
};

for (const annotation of JSON.parse(
  document.getElementById("workspace-annotations").textContent,
)) {
  state.mine.set(annotation.id, annotation);
}

const canCode = () => config.canCode && !state.viewing;
const shown = () => (state.viewing ? state.others : state.mine);
const codeOf = (annotation) =>
  codesById.get(annotation.code) || {
    id: annotation.code,
    slug: annotation.code_slug,
    name: annotation.code_name,
    colour: "#57606a",
    statementLevel: annotation.start === null,
  };

function paint(el) {
  for (const item of [el, ...el.querySelectorAll("[data-colour]")]) {
    if (item.dataset && item.dataset.colour) {
      item.style.setProperty("--code-colour", item.dataset.colour);
    }
  }
}

// ---------------------------------------------------------------------------------------
// Messages and undo

const statusEl = document.getElementById("status");
const alertEl = document.getElementById("alert");

let statusTimer = null;

function say(message, { undoable = false } = {}) {
  statusEl.replaceChildren(document.createTextNode(message));
  // A confirmation fades after a while; undo stays on the u key.
  clearTimeout(statusTimer);
  statusTimer = setTimeout(() => statusEl.replaceChildren(), 15000);
  if (undoable) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "link-button undo-button";
    button.textContent = "Undo (u)";
    button.addEventListener("click", undo);
    statusEl.append(" ", button);
  }
  alertEl.hidden = true;
}

function warn(message) {
  alertEl.textContent = message;
  alertEl.hidden = false;
}

function pushUndo(label, revert) {
  state.undo.push({ label, revert });
  if (state.undo.length > 50) state.undo.shift();
}

async function undo() {
  const step = state.undo.pop();
  if (!step) {
    say("Nothing to undo.");
    return;
  }
  try {
    await step.revert();
    say(`Undone: ${step.label}.`);
  } catch (error) {
    warn(`Could not undo “${step.label}”: ${error.message}`);
  }
}

window.addEventListener("beforeunload", (event) => {
  const dirtyMemo = [...document.querySelectorAll(".entry-memo")].some(
    (area) => area.value !== area.dataset.saved,
  );
  if (inFlight > 0 || dirtyMemo) {
    event.preventDefault();
    event.returnValue = "";
  }
});

// ---------------------------------------------------------------------------------------
// Drawing highlights

function annotationsOf(statementId) {
  return [...shown().values()].filter((a) => a.statement === statementId);
}

/** The shown annotations grouped by statement: one pass, however many statements. */
function annotationsByStatement() {
  const grouped = new Map();
  for (const a of shown().values()) {
    if (!grouped.has(a.statement)) grouped.set(a.statement, []);
    grouped.get(a.statement).push(a);
  }
  return grouped;
}

function renderStatement(statement, annotations = annotationsOf(statement.id)) {
  const { text, textEl } = statement;
  const spans = annotations
    .filter((a) => a.start !== null)
    .map((a) => ({ a, start: toUtf16(text, a.start), end: toUtf16(text, a.end), lane: 0 }))
    .sort((x, y) => x.start - y.start || y.end - x.end || x.a.id - y.a.id);
  // Each passage keeps one lane (underline depth) along its whole length, so overlapping
  // passages stay apart: the first lane free where it starts.
  const laneEnds = [];
  for (const span of spans) {
    let lane = laneEnds.findIndex((end) => end <= span.start);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = span.end;
    span.lane = lane;
  }
  const cuts = new Set([0, text.length]);
  for (const span of spans) cuts.add(span.start).add(span.end);
  const points = [...cuts].sort((x, y) => x - y);
  const fragment = document.createDocumentFragment();
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i];
    const to = points[i + 1];
    let node = document.createTextNode(text.slice(from, to));
    const covering = spans
      .filter((s) => s.start <= from && s.end >= to)
      .sort((x, y) => x.lane - y.lane);
    // Lowest lane outermost: build from the innermost mark outwards.
    for (let i = covering.length - 1; i >= 0; i--) {
      const { a, lane } = covering[i];
      const code = codeOf(a);
      const mark = document.createElement("mark");
      mark.className = "hl";
      mark.dataset.annotationId = String(a.id);
      mark.dataset.depth = String(Math.min(lane, 3));
      mark.style.setProperty("--code-colour", code.colour);
      // Not focusable: a focusable mark would stop a drag selection starting inside it.
      // Keyboard users put the caret on a highlight (← →) and press Enter.
      mark.title = `${code.name} — ${a.analyst}${a.memo ? ": " + a.memo : ""}`;
      mark.append(node);
      node = mark;
    }
    fragment.append(node);
  }
  const kept = selectionWithin(textEl);
  textEl.replaceChildren(fragment);
  if (kept) restoreSelection(textEl, kept);
  renderStatementCodes(statement, annotations);
}

/** The selection's ends as UTF-16 offsets in textEl, if the selection lies in it. */
function selectionWithin(textEl) {
  const selection = window.getSelection();
  if (!selection.rangeCount) return null;
  const { anchorNode, anchorOffset, focusNode, focusOffset } = selection;
  if (!textEl.contains(anchorNode) || !textEl.contains(focusNode)) return null;
  return {
    anchor: textOffset(textEl, anchorNode, anchorOffset),
    focus: textOffset(textEl, focusNode, focusOffset),
  };
}

function restoreSelection(textEl, { anchor, focus }) {
  const from = textPosition(textEl, anchor);
  const to = textPosition(textEl, focus);
  window.getSelection().setBaseAndExtent(from.node, from.offset, to.node, to.offset);
}

function renderStatementCodes(statement, annotations) {
  const levels = annotations.filter((a) => a.start === null);
  for (const button of statement.el.querySelectorAll(".statement-code")) {
    const annotation = levels.find((a) => a.code === Number(button.dataset.codeId));
    button.setAttribute("aria-pressed", annotation ? "true" : "false");
    if (annotation) button.dataset.annotationId = String(annotation.id);
    else delete button.dataset.annotationId;
    button.disabled = !canCode();
  }
}

function renderCounts() {
  const counts = new Map();
  for (const a of shown().values()) counts.set(a.code, (counts.get(a.code) || 0) + 1);
  for (const el of document.querySelectorAll("[data-count-for]")) {
    const n = counts.get(Number(el.dataset.countFor)) || 0;
    el.textContent = String(n);
    el.setAttribute("aria-label", `${n} annotation${n === 1 ? "" : "s"}`);
  }
}

function redraw(statementIds = null) {
  if (state.dragging) {
    // Replacing the text under a selection being dragged would cut the drag short.
    for (const id of statementIds || statements.keys()) state.deferred.add(id);
    return;
  }
  const targets = statementIds
    ? statementIds.map((id) => statements.get(id)).filter(Boolean)
    : statementList;
  const grouped = annotationsByStatement();
  for (const statement of targets) renderStatement(statement, grouped.get(statement.id) || []);
  renderCounts();
  applyFilters();
  refreshFind();
  drawSuggestions();
}

// ---------------------------------------------------------------------------------------
// Selections

/** The passage selected in one statement, in code points, or { error }. */
export function currentPassage() {
  const selection = window.getSelection();
  if (!selection.rangeCount || selection.isCollapsed) {
    return { error: "Select a passage of a statement first." };
  }
  const range = selection.getRangeAt(0);
  const hits = [];
  for (const statement of statementList) {
    if (!range.intersectsNode(statement.textEl)) continue;
    const { textEl, text } = statement;
    const start16 = textEl.contains(range.startContainer)
      ? textOffset(textEl, range.startContainer, range.startOffset)
      : 0;
    const end16 = textEl.contains(range.endContainer)
      ? textOffset(textEl, range.endContainer, range.endOffset)
      : text.length;
    if (end16 > start16 && text.slice(start16, end16).trim()) {
      hits.push({ statement, start16, end16 });
    }
  }
  if (hits.length > 1) {
    return { error: "A passage must lie within one statement: select again inside one." };
  }
  if (hits.length === 0) {
    return { error: "Select words of a statement's text (not only spaces or its heading)." };
  }
  const { statement, text = statement.text } = hits[0];
  let { start16, end16 } = hits[0];
  // Leave out white space at either end, as an analyst means the words.
  while (start16 < end16 && /\s/.test(text[start16])) start16++;
  while (end16 > start16 && /\s/.test(text[end16 - 1])) end16--;
  return {
    statementId: statement.id,
    start: toCodePoints(text, start16),
    end: toCodePoints(text, end16),
    quote: text.slice(start16, end16),
    rect: range.getBoundingClientRect(),
  };
}

function clearSelection() {
  window.getSelection().removeAllRanges();
}

// ---------------------------------------------------------------------------------------
// The code picker

const picker = document.getElementById("code-picker");
const pickerFilter = document.getElementById("picker-filter");
const pickerQuote = document.getElementById("picker-quote");
const choices = [...picker.querySelectorAll(".code-choice")];

function openPicker(passage, { focus = false } = {}) {
  state.pending = passage;
  pickerQuote.textContent =
    passage.quote.length > 80 ? `${passage.quote.slice(0, 77)}…` : passage.quote;
  pickerFilter.value = "";
  filterChoices("");
  picker.hidden = false;
  const width = picker.offsetWidth;
  const rect = passage.rect;
  const left = Math.max(8, Math.min(rect.left, window.innerWidth - width - 16));
  picker.style.left = `${left + window.scrollX}px`;
  picker.style.top = `${rect.bottom + window.scrollY + 8}px`;
  if (focus) pickerFilter.focus();
}

function closePicker({ keepPending = false } = {}) {
  picker.hidden = true;
  if (!keepPending) state.pending = null;
}

function visibleChoices() {
  return choices.filter((button) => !button.hidden);
}

function filterChoices(text) {
  const needle = text.trim().toLowerCase();
  for (const button of choices) {
    button.hidden = Boolean(needle) && !button.dataset.search.includes(needle);
  }
  for (const group of picker.querySelectorAll(".picker-group")) {
    group.hidden = ![...group.querySelectorAll(".code-choice")].some((b) => !b.hidden);
  }
}

pickerFilter.addEventListener("input", () => filterChoices(pickerFilter.value));
pickerFilter.addEventListener("keydown", (event) => {
  if (event.key === "Enter") {
    event.preventDefault();
    const first = visibleChoices()[0];
    if (first) first.click();
  } else if (event.key === "ArrowDown") {
    event.preventDefault();
    const first = visibleChoices()[0];
    if (first) first.focus();
  }
});
picker.addEventListener("keydown", (event) => {
  if (event.key === "Escape") {
    event.preventDefault();
    closePicker();
    focusStatement(state.current);
    return;
  }
  if (!event.target.classList.contains("code-choice")) return;
  if (event.key === "ArrowDown" || event.key === "ArrowUp") {
    event.preventDefault();
    const visible = visibleChoices();
    const index = visible.indexOf(event.target) + (event.key === "ArrowDown" ? 1 : -1);
    if (index < 0) pickerFilter.focus();
    else if (visible[index]) visible[index].focus();
  }
});
for (const button of choices) {
  button.addEventListener("click", () => {
    const id = Number(button.dataset.codeId);
    const code = codesById.get(id) || {
      id,
      slug: button.dataset.codeSlug,
      name: button.textContent.trim(),
      colour: button.dataset.colour,
      statementLevel: false,
    };
    applyCode(code, state.pending);
  });
}

// ---------------------------------------------------------------------------------------
// Coding: create, change, delete, restore

function setSaving(statementId, saving) {
  const statement = statements.get(statementId);
  if (statement) statement.el.querySelector(".statement-saving").hidden = !saving;
}

function remember(annotation) {
  state.mine.set(annotation.id, annotation);
  // A suggestion for a passage now coded with its code has been answered.
  if (annotation.start === null) return;
  const answered = state.suggestions.filter(
    (s) =>
      s.statement === annotation.statement &&
      s.code === annotation.code &&
      s.start < annotation.end &&
      s.end > annotation.start,
  );
  if (answered.length) {
    state.suggestions = state.suggestions.filter((s) => !answered.includes(s));
    if (state.suggestionIndex >= state.suggestions.length) {
      state.suggestionIndex = state.suggestions.length - 1;
    }
    renderSuggestions();
  }
}

async function applyCode(code, passage) {
  if (!canCode()) {
    warn("These annotations are read-only: switch back to your own to code.");
    return;
  }
  if (code.statementLevel) {
    const statementId =
      (passage && passage.statementId) ||
      (state.current && Number(state.current.dataset.statementId));
    if (!statementId) {
      warn("Go to a statement first (j / k), then press the code's key.");
      return;
    }
    await toggleStatementCode(statementId, code);
    return;
  }
  if (!passage || passage.error) {
    warn(passage ? passage.error : "Select a passage of a statement first.");
    return;
  }
  const key = `${passage.statementId}:${passage.start}:${passage.end}:${code.id}`;
  if (state.saving.has(key)) return;
  const selecting = state.selecting;
  state.saving.add(key);
  setSaving(passage.statementId, true);
  try {
    const annotation = await api("POST", "/api/annotations/", {
      statement: passage.statementId,
      code: code.id,
      start: passage.start,
      end: passage.end,
      quote: passage.quote,
    });
    remember(annotation);
    // The analyst may have begun the next selection while this one was saving: leave it.
    const idle = state.selecting === selecting;
    if (idle) {
      closePicker();
      clearSelection();
    }
    redraw([annotation.statement]);
    pushUndo(`coding “${shorten(annotation.quote)}” as ${annotation.code_name}`, () =>
      removeAnnotation(annotation.id, { undoable: false }),
    );
    say(`Coded “${shorten(annotation.quote)}” as ${annotation.code_name}.`, { undoable: true });
    // Back to the statement for the next key, without scrolling away from where one reads.
    if (idle) focusStatement(statements.get(annotation.statement).el, { scroll: false });
  } catch (error) {
    // Keep the selection and the picker: the analyst can retry; nothing was drawn.
    warn(`Not saved: ${error.message}`);
  } finally {
    state.saving.delete(key);
    setSaving(passage.statementId, false);
  }
}

async function toggleStatementCode(statementId, code) {
  const existing = annotationsOf(statementId).find(
    (a) => a.start === null && a.code === code.id,
  );
  if (existing) {
    try {
      await removeAnnotation(existing.id);
    } catch (error) {
      warn(`Not removed: ${error.message}`);
    }
    return;
  }
  setSaving(statementId, true);
  try {
    const annotation = await api("POST", "/api/annotations/", {
      statement: statementId,
      code: code.id,
    });
    remember(annotation);
    redraw([statementId]);
    pushUndo(`${code.name} on statement ${statements.get(statementId).order}`, () =>
      removeAnnotation(annotation.id, { undoable: false }),
    );
    say(`${code.name}: on for statement ${statements.get(statementId).order}.`, {
      undoable: true,
    });
  } catch (error) {
    warn(`Not saved: ${error.message}`);
  } finally {
    setSaving(statementId, false);
  }
}

// A 409 carries the annotation as the server has it now: show that, then report the
// refusal with `message`. Any other error passes through unchanged.
function rethrowStale(error, statementId, message) {
  if (error.status === 409 && error.body && error.body.current) {
    remember(error.body.current);
    redraw([statementId]);
    throw new ApiError(message, { status: 409 });
  }
  throw error;
}

async function removeAnnotation(id, { undoable = true } = {}) {
  const annotation = state.mine.get(id);
  if (!annotation) return;
  try {
    await api("DELETE", `/api/annotations/${id}/?version=${annotation.version}`);
  } catch (error) {
    rethrowStale(
      error,
      annotation.statement,
      "it changed elsewhere since you loaded it; the current version is shown now.",
    );
  }
  state.mine.delete(id);
  closeCard();
  redraw([annotation.statement]);
  const label = `deleting ${annotation.code_name}${annotation.quote ? ` on “${shorten(annotation.quote)}”` : ""}`;
  if (undoable) {
    pushUndo(label, () => restoreAnnotation(id));
    say(`Deleted ${annotation.code_name}${annotation.quote ? ` on “${shorten(annotation.quote)}”` : ""}.`, {
      undoable: true,
    });
  } else {
    say(`Removed ${annotation.code_name}.`);
  }
}

async function restoreAnnotation(id) {
  const annotation = await api("POST", `/api/annotations/${id}/restore/`);
  remember(annotation);
  redraw([annotation.statement]);
  return annotation;
}

async function updateAnnotation(id, changes) {
  const before = state.mine.get(id);
  let updated;
  try {
    updated = await api("PATCH", `/api/annotations/${id}/`, { ...changes, version: before.version });
  } catch (error) {
    rethrowStale(
      error,
      before.statement,
      "This annotation changed elsewhere since you opened it (now shown as it is). Your edit was not saved; check it and save again.",
    );
  }
  remember(updated);
  redraw([updated.statement]);
  const previous = {};
  if ("memo" in changes) previous.memo = before.memo;
  if ("code" in changes) previous.code = before.code;
  pushUndo(`the change to ${before.code_name}`, async () => {
    const now = state.mine.get(id);
    const reverted = await api("PATCH", `/api/annotations/${id}/`, {
      ...previous,
      version: now.version,
    });
    remember(reverted);
    redraw([reverted.statement]);
  });
  return updated;
}

function shorten(text, length = 40) {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

// ---------------------------------------------------------------------------------------
// The annotation card: what a highlight holds, memo, code, delete

const card = document.getElementById("annotation-card");
const cardBody = document.getElementById("annotation-card-body");
const entryTemplate = document.getElementById("annotation-entry");
let cardReturnFocus = null;

function openCard(ids, anchor) {
  const annotations = ids.map((id) => shown().get(id)).filter(Boolean);
  if (!annotations.length) return;
  cardReturnFocus = anchor.closest("[data-statement-id]") || anchor;
  cardBody.replaceChildren(...annotations.map(entryFor));
  card.hidden = false;
  const rect = anchor.getBoundingClientRect();
  const left = Math.max(8, Math.min(rect.left, window.innerWidth - card.offsetWidth - 16));
  card.style.left = `${left + window.scrollX}px`;
  card.style.top = `${rect.bottom + window.scrollY + 8}px`;
  // Straight into the memo, the usual reason to open an annotation; else the close button.
  const first = card.querySelector(".entry-memo") || document.getElementById("annotation-card-close");
  first.focus();
}

function closeCard() {
  if (card.hidden) return;
  card.hidden = true;
  cardBody.replaceChildren();
  if (cardReturnFocus && document.contains(cardReturnFocus)) cardReturnFocus.focus();
}

function entryFor(annotation) {
  const entry = entryTemplate.content.firstElementChild.cloneNode(true);
  const code = codeOf(annotation);
  entry.dataset.annotationId = String(annotation.id);
  entry.style.setProperty("--code-colour", code.colour);
  entry.querySelector(".entry-code").textContent = code.name;
  entry.querySelector(".entry-analyst").textContent = annotation.analyst;
  entry.querySelector(".entry-quote").textContent = annotation.quote;
  const editable = canCode() && annotation.analyst === config.analyst;
  const editor = entry.querySelector(".entry-edit");
  const readonlyMemo = entry.querySelector(".entry-memo-readonly");
  if (!editable) {
    editor.remove();
    readonlyMemo.textContent = annotation.memo ? `Memo: ${annotation.memo}` : "No memo.";
    return entry;
  }
  readonlyMemo.remove();
  const select = entry.querySelector(".entry-code-select");
  const memo = entry.querySelector(".entry-memo");
  const uid = `entry-${annotation.id}`;
  select.id = `${uid}-code`;
  memo.id = `${uid}-memo`;
  select.value = String(annotation.code);
  memo.value = annotation.memo;
  memo.dataset.saved = annotation.memo;
  entry.querySelector(".entry-save").addEventListener("click", async () => {
    const current = state.mine.get(annotation.id);
    const changes = {};
    if (memo.value !== current.memo) changes.memo = memo.value;
    if (Number(select.value) !== current.code) changes.code = Number(select.value);
    if (!Object.keys(changes).length) {
      say("Nothing changed.");
      return;
    }
    try {
      const updated = await updateAnnotation(annotation.id, changes);
      memo.dataset.saved = updated.memo;
      say(`Saved ${updated.code_name}.`, { undoable: true });
      closeCard();
    } catch (error) {
      if (error.status === 409) {
        const fresh = state.mine.get(annotation.id);
        memo.dataset.saved = fresh.memo;
        select.value = String(fresh.code);
      }
      warn(`Not saved: ${error.message}`);
    }
  });
  entry.querySelector(".entry-delete").addEventListener("click", async () => {
    try {
      await removeAnnotation(annotation.id);
    } catch (error) {
      warn(`Not deleted: ${error.message}`);
    }
  });
  return entry;
}

document.getElementById("annotation-card-close").addEventListener("click", closeCard);
card.addEventListener("keydown", (event) => {
  if (event.key === "Escape") {
    event.preventDefault();
    closeCard();
  }
});

function idsAt(element) {
  const ids = [];
  for (let el = element.closest(".hl"); el; el = el.parentElement.closest(".hl")) {
    ids.unshift(Number(el.dataset.annotationId));
  }
  return [...new Set(ids)];
}

// ---------------------------------------------------------------------------------------
// Done marks and progress

const progressBar = document.getElementById("progress");
const progressText = document.getElementById("progress-text");

function renderProgress(done, total) {
  progressBar.max = Math.max(total, 1);
  progressBar.value = done;
  progressText.textContent = `${done} of ${total} statements done`;
}

async function setDone(statementId, done, { undoable = true } = {}) {
  const statement = statements.get(statementId);
  const result = await api(done ? "PUT" : "DELETE", `/api/statements/${statementId}/done/`);
  if (done) state.done.add(statementId);
  else state.done.delete(statementId);
  statement.el.classList.toggle("is-done", done);
  statement.el.querySelector(".done-toggle").setAttribute("aria-pressed", done ? "true" : "false");
  renderProgress(result.meeting_done, result.meeting_total);
  if (undoable) {
    pushUndo(`marking statement ${statement.order} ${done ? "done" : "not done"}`, () =>
      setDone(statementId, !done, { undoable: false }),
    );
    say(`Statement ${statement.order} ${done ? "done" : "not done"}.`, { undoable: true });
  }
}

async function toggleDone(statementId, { advance = false } = {}) {
  const done = !state.done.has(statementId);
  try {
    await setDone(statementId, done);
    if (done && advance) moveStatement(1);
  } catch (error) {
    warn(`Not saved: ${error.message}`);
  }
}

// ---------------------------------------------------------------------------------------
// Moving around

function visibleStatements() {
  return statementList.filter((s) => !s.el.hidden && !s.el.closest(".segment").hidden);
}

function focusStatement(el, { scroll = true } = {}) {
  if (!el) return;
  state.current = el;
  for (const s of statementList) s.el.classList.toggle("is-current", s.el === el);
  el.focus({ preventScroll: true });
  if (!scroll) return;
  // Bring the statement's beginning into view: a long statement is read from its top.
  const top = el.getBoundingClientRect().top;
  if (top < 0 || top > window.innerHeight - 120) el.scrollIntoView({ block: "start" });
}

function moveStatement(step) {
  const visible = visibleStatements();
  if (!visible.length) return;
  const index = visible.findIndex((s) => s.el === state.current);
  const next =
    index === -1 ? (step > 0 ? 0 : visible.length - 1) : Math.min(Math.max(index + step, 0), visible.length - 1);
  clearSelection();
  focusStatement(visible[next].el);
}

/** Keyboard selection inside the current statement: caret by word, extend by word/sentence. */
function moveCaret(event) {
  const statement = state.current && statements.get(Number(state.current.dataset.statementId));
  if (!statement) return false;
  const selection = window.getSelection();
  const { textEl } = statement;
  const inside =
    selection.rangeCount && textEl.contains(selection.anchorNode) && textEl.contains(selection.focusNode);
  if (!inside) {
    const start = textPosition(textEl, 0);
    selection.collapse(start.node, start.offset);
  }
  const horizontal = event.key === "ArrowLeft" || event.key === "ArrowRight";
  if (!horizontal && !event.shiftKey) return false;
  state.selecting++;
  const direction = event.key === "ArrowRight" || event.key === "ArrowDown" ? "forward" : "backward";
  selection.modify(event.shiftKey ? "extend" : "move", direction, horizontal ? "word" : "sentence");
  // Keep the selection inside this statement's text.
  if (!textEl.contains(selection.focusNode)) {
    const edge = textPosition(textEl, direction === "forward" ? statement.text.length : 0);
    selection.extend(edge.node, edge.offset);
  }
  const under = caretAnnotations();
  if (under.length) {
    const names = under.map((id) => codeOf(shown().get(id)).name).join(", ");
    say(`On ${names}. Enter opens ${under.length === 1 ? "it" : "them"}.`);
  }
  return true;
}

/** Annotations under a collapsed caret (outermost first), else none. */
function caretAnnotations() {
  const selection = window.getSelection();
  if (!selection.rangeCount || !selection.isCollapsed) return [];
  const node = selection.focusNode;
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
  if (!element || !element.closest("[data-statement-text]")) return [];
  // At the very end of a text node the caret sits after the highlight, not on it.
  if (node.nodeType === Node.TEXT_NODE && selection.focusOffset === node.length) return [];
  return idsAt(element);
}

// ---------------------------------------------------------------------------------------
// Filters and find

const filterCode = document.getElementById("filter-code");
const filterSegment = document.getElementById("filter-segment");
const filterType = document.getElementById("filter-speaker-type");
const filterGender = document.getElementById("filter-gender");
const filterUncoded = document.getElementById("filter-uncoded");
const filterCount = document.getElementById("filter-count");
const noMatch = document.getElementById("no-match");

function applyFilters() {
  const code = Number(filterCode.value) || null;
  const bySegment = filterSegment.value;
  const byType = filterType.value;
  const byGender = filterGender.value;
  const uncoded = filterUncoded.checked;
  const coded = new Map();
  for (const a of shown().values()) {
    if (!coded.has(a.statement)) coded.set(a.statement, new Set());
    coded.get(a.statement).add(a.code);
  }
  let visible = 0;
  for (const s of statementList) {
    const codes = coded.get(s.id) || new Set();
    const match =
      (!code || codes.has(code)) &&
      (!bySegment || s.el.dataset.segment === bySegment) &&
      (!byType || s.el.dataset.speakerType === byType) &&
      (!byGender || s.el.dataset.gender === byGender) &&
      (!uncoded || codes.size === 0);
    s.el.hidden = !match;
    if (match) visible++;
  }
  for (const section of document.querySelectorAll(".segment")) {
    section.hidden = ![...section.querySelectorAll("[data-statement-id]")].some((el) => !el.hidden);
  }
  const filtering = code || bySegment || byType || byGender || uncoded;
  filterCount.textContent = filtering
    ? `Showing ${visible} of ${statementList.length} statements.`
    : `${statementList.length} statements.`;
  noMatch.hidden = visible > 0 || statementList.length === 0;
}

for (const control of [filterCode, filterSegment, filterType, filterGender, filterUncoded]) {
  control.addEventListener("change", () => {
    applyFilters();
    refreshFind();
  });
}

const findInput = document.getElementById("find");
const findCount = document.getElementById("find-count");
const highlights = typeof CSS !== "undefined" && "highlights" in CSS;

function refreshFind({ keepIndex = true } = {}) {
  const needle = findInput.value;
  const matches = [];
  if (needle.trim()) {
    const pattern = new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "gi");
    for (const s of visibleStatements()) {
      for (const m of s.text.matchAll(pattern)) {
        matches.push({ statement: s, start: m.index, end: m.index + m[0].length });
      }
    }
  }
  state.find.matches = matches;
  if (!keepIndex || state.find.index >= matches.length) state.find.index = matches.length ? 0 : -1;
  drawFind();
}

function drawFind() {
  const { matches, index } = state.find;
  if (highlights) {
    const ranges = matches.map((m) => rangeOf(m.statement.textEl, m.start, m.end));
    CSS.highlights.set("find", new Highlight(...ranges.filter((_, i) => i !== index)));
    CSS.highlights.set("find-current", new Highlight(...(index >= 0 ? [ranges[index]] : [])));
  }
  if (!findInput.value.trim()) findCount.textContent = "";
  else if (!matches.length) findCount.textContent = "No matches.";
  else findCount.textContent = `Match ${index + 1} of ${matches.length}.`;
}

function stepFind(step) {
  const { matches } = state.find;
  if (!matches.length) return;
  state.find.index = (state.find.index + step + matches.length) % matches.length;
  drawFind();
  const match = matches[state.find.index];
  state.current = match.statement.el;
  for (const s of statementList) s.el.classList.toggle("is-current", s.el === match.statement.el);
  const position = textPosition(match.statement.textEl, match.start);
  (position.node.parentElement || match.statement.el).scrollIntoView({ block: "center" });
}

findInput.addEventListener("input", () => refreshFind({ keepIndex: false }));
findInput.addEventListener("keydown", (event) => {
  if (event.key === "Enter") {
    event.preventDefault();
    stepFind(event.shiftKey ? -1 : 1);
  } else if (event.key === "Escape") {
    event.preventDefault();
    findInput.blur();
    focusStatement(state.current);
  }
});
document.getElementById("find-next").addEventListener("click", () => stepFind(1));
document.getElementById("find-previous").addEventListener("click", () => stepFind(-1));

// ---------------------------------------------------------------------------------------
// Suggestions

const suggestionList = document.getElementById("suggestion-list");
const suggestionCount = document.getElementById("suggestion-count");
const suggestionStats = document.getElementById("suggestion-stats");
const suggestionTemplate = document.getElementById("suggestion-item");
const suggestionKey = (s) => `${s.statement}:${s.code}:${s.start}:${s.end}`;

async function loadSuggestions() {
  if (!config.canCode) {
    suggestionCount.textContent = "0";
    suggestionStats.textContent = "Suggestions are for the analysts who code.";
    return;
  }
  try {
    const data = await api("GET", `/api/meetings/${config.meeting}/suggestions/`);
    state.suggestions = data.suggestions;
    state.suggestionStats = { accepted: data.accepted, dismissed: data.dismissed };
    renderSuggestions();
  } catch (error) {
    suggestionStats.textContent = `Suggestions could not be loaded: ${error.message}`;
  }
}

function renderSuggestions() {
  const items = state.suggestions.map((s, index) => {
    const item = suggestionTemplate.content.firstElementChild.cloneNode(true);
    const statement = statements.get(s.statement);
    item.dataset.suggestion = suggestionKey(s);
    item.style.setProperty("--code-colour", s.code_colour);
    item.querySelector(".suggestion-code").textContent = s.code_name;
    item.querySelector(".suggestion-where").textContent = statement
      ? `statement ${statement.order}`
      : `statement ${s.statement}`;
    item.querySelector(".suggestion-keyword").textContent = s.keyword;
    item.querySelector(".suggestion-quote").textContent = shorten(s.quote, 160);
    if (index === state.suggestionIndex) item.setAttribute("aria-current", "true");
    const label = `${s.code_name} suggestion ${index + 1}`;
    const show = item.querySelector(".suggestion-show");
    const accept = item.querySelector(".suggestion-accept");
    const dismiss = item.querySelector(".suggestion-dismiss");
    show.setAttribute("aria-label", `Show ${label}`);
    accept.setAttribute("aria-label", `Accept ${label}`);
    dismiss.setAttribute("aria-label", `Dismiss ${label}`);
    show.addEventListener("click", () => selectSuggestion(state.suggestions.indexOf(s)));
    accept.addEventListener("click", () => decideSuggestion(s, "accept"));
    dismiss.addEventListener("click", () => decideSuggestion(s, "dismiss"));
    accept.disabled = dismiss.disabled = !canCode();
    return item;
  });
  suggestionList.replaceChildren(...items);
  suggestionCount.textContent = String(state.suggestions.length);
  const { accepted, dismissed } = state.suggestionStats;
  suggestionStats.textContent = `You accepted ${accepted} and dismissed ${dismissed} so far.`;
  drawSuggestions();
}

function drawSuggestions() {
  if (!highlights) return;
  const ranges = [];
  let current = null;
  if (!state.viewing) {
    state.suggestions.forEach((s, index) => {
      const statement = statements.get(s.statement);
      if (!statement || statement.el.hidden) return;
      const range = rangeOf(
        statement.textEl,
        toUtf16(statement.text, s.start),
        toUtf16(statement.text, s.end),
      );
      if (index === state.suggestionIndex) current = range;
      else ranges.push(range);
    });
  }
  CSS.highlights.set("suggestion", new Highlight(...ranges));
  CSS.highlights.set("suggestion-current", new Highlight(...(current ? [current] : [])));
}

function selectSuggestion(index, { announce = true } = {}) {
  if (!state.suggestions.length) {
    say("No open suggestions.");
    return;
  }
  state.suggestionIndex = (index + state.suggestions.length) % state.suggestions.length;
  const s = state.suggestions[state.suggestionIndex];
  for (const item of suggestionList.children) item.removeAttribute("aria-current");
  const item = suggestionList.children[state.suggestionIndex];
  if (item) {
    item.setAttribute("aria-current", "true");
    item.scrollIntoView({ block: "nearest" });
  }
  const statement = statements.get(s.statement);
  if (statement) {
    if (statement.el.hidden) {
      filterCode.value = filterSegment.value = filterType.value = filterGender.value = "";
      filterUncoded.checked = false;
      applyFilters();
    }
    state.current = statement.el;
    for (const other of statementList) other.el.classList.toggle("is-current", other === statement);
    const position = textPosition(statement.textEl, toUtf16(statement.text, s.start));
    (position.node.parentElement || statement.el).scrollIntoView({ block: "center" });
  }
  drawSuggestions();
  if (!announce) return;
  say(`Suggestion ${state.suggestionIndex + 1} of ${state.suggestions.length}: ${s.code_name} — “${shorten(s.quote, 60)}”. Shift+A accepts, x dismisses.`);
}

function dropSuggestion(s) {
  const index = state.suggestions.indexOf(s);
  if (index === -1) return;
  state.suggestions.splice(index, 1);
  if (state.suggestionIndex >= state.suggestions.length) state.suggestionIndex = state.suggestions.length - 1;
  renderSuggestions();
}

function restoreSuggestion(s) {
  const position = state.suggestions.findIndex(
    (other) => other.statement === s.statement && other.start > s.start,
  );
  state.suggestions.splice(position === -1 ? state.suggestions.length : position, 0, s);
  renderSuggestions();
}

async function decideSuggestion(s, decision) {
  if (!s || !canCode()) return;
  const choice = { statement: s.statement, code: s.code, start: s.start, end: s.end };
  try {
    if (decision === "accept") {
      const annotation = await api("POST", "/api/suggestions/accept/", choice);
      remember(annotation);
      state.suggestionStats.accepted++;
      dropSuggestion(s);
      redraw([s.statement]);
      pushUndo(`accepting ${s.code_name}`, async () => {
        await api("POST", "/api/suggestions/reopen/", choice);
        state.mine.delete(annotation.id);
        state.suggestionStats.accepted--;
        restoreSuggestion(s);
        redraw([s.statement]);
      });
      say(`Accepted: ${s.code_name} on “${shorten(s.quote)}”.`, { undoable: true });
    } else {
      await api("POST", "/api/suggestions/dismiss/", choice);
      state.suggestionStats.dismissed++;
      dropSuggestion(s);
      pushUndo(`dismissing ${s.code_name}`, async () => {
        await api("POST", "/api/suggestions/reopen/", choice);
        state.suggestionStats.dismissed--;
        restoreSuggestion(s);
      });
      say(`Dismissed: ${s.code_name} on “${shorten(s.quote)}”.`, { undoable: true });
    }
    if (state.suggestions.length && state.suggestionIndex >= 0) {
      selectSuggestion(state.suggestionIndex, { announce: false });
    }
  } catch (error) {
    warn(`Not saved: ${error.message}`);
  }
}

// ---------------------------------------------------------------------------------------
// Missed opportunities

const missedList = document.getElementById("missed-list");
const missedCount = document.getElementById("missed-count");
const missedTemplate = document.getElementById("missed-item");
const missedDialog = document.getElementById("missed-dialog");
const missedForm = document.getElementById("missed-form");
const missedAdd = document.getElementById("missed-add");
const missedTitle = document.getElementById("missed-title");
const missedRationale = document.getElementById("missed-rationale");

async function loadMissed() {
  try {
    state.missed = await fetchAll(`/api/missed-opportunities/?meeting=${config.meeting}`);
    renderMissed();
  } catch (error) {
    missedCount.textContent = "!";
    warn(`Missed opportunities could not be loaded: ${error.message}`);
  }
}

function renderMissed() {
  missedCount.textContent = String(state.missed.length);
  const items = state.missed.map((missed) => {
    const item = missedTemplate.content.firstElementChild.cloneNode(true);
    item.dataset.missedId = String(missed.id);
    item.querySelector(".missed-title strong").textContent = missed.title;
    item.querySelector(".missed-analyst").textContent = missed.analyst;
    item.querySelector(".missed-rationale").textContent = missed.rationale;
    const chips = missed.codes.map((id, index) => {
      const chip = document.createElement("li");
      const code = codesById.get(id);
      chip.className = "chip chip-code";
      chip.textContent = code ? code.name : missed.code_slugs[index];
      if (code) chip.style.setProperty("--code-colour", code.colour);
      return chip;
    });
    item.querySelector(".missed-codes").replaceChildren(...chips);
    const actions = item.querySelector(".missed-actions");
    if (config.canCode && missed.analyst === config.analyst) {
      const edit = item.querySelector(".missed-edit");
      const remove = item.querySelector(".missed-delete");
      edit.setAttribute("aria-label", `Edit “${missed.title}”`);
      remove.setAttribute("aria-label", `Delete “${missed.title}”`);
      edit.addEventListener("click", () => openMissed(missed));
      remove.addEventListener("click", () => deleteMissed(missed));
    } else {
      actions.remove();
    }
    return item;
  });
  missedList.replaceChildren(...items);
}

function clearMissedErrors() {
  for (const el of missedForm.querySelectorAll("[data-error-for]")) el.textContent = "";
}

function openMissed(missed = null) {
  state.editingMissed = missed;
  clearMissedErrors();
  missedTitle.value = missed ? missed.title : "";
  missedRationale.value = missed ? missed.rationale : "";
  const chosen = new Set(missed ? missed.codes : []);
  for (const box of missedForm.querySelectorAll("input[name=codes]")) {
    box.checked = chosen.has(Number(box.value));
  }
  document.getElementById("missed-dialog-heading").textContent = missed
    ? "Edit the missed opportunity"
    : "Record a missed opportunity";
  missedDialog.showModal();
  missedTitle.focus();
}

async function saveMissed() {
  clearMissedErrors();
  const data = {
    title: missedTitle.value.trim(),
    rationale: missedRationale.value,
    codes: [...missedForm.querySelectorAll("input[name=codes]:checked")].map((b) => Number(b.value)),
  };
  const missing = {};
  if (!data.title) missing.title = "Name the theme the meeting failed to address.";
  if (!data.rationale.trim()) missing.rationale = "Say why it is a missed opportunity.";
  if (Object.keys(missing).length) {
    showMissedErrors(missing);
    return;
  }
  const editing = state.editingMissed;
  try {
    const saved = editing
      ? await api("PATCH", `/api/missed-opportunities/${editing.id}/`, {
          ...data,
          version: editing.version,
        })
      : await api("POST", "/api/missed-opportunities/", { ...data, meeting: config.meeting });
    const index = state.missed.findIndex((m) => m.id === saved.id);
    if (index === -1) state.missed.push(saved);
    else state.missed[index] = saved;
    renderMissed();
    missedDialog.close();
    say(`${editing ? "Saved" : "Recorded"} the missed opportunity “${saved.title}”.`);
  } catch (error) {
    if (error.status === 409 && error.body && error.body.current) {
      state.editingMissed = error.body.current;
      showMissedErrors({
        non_field_errors:
          "Someone changed it since you opened it; your text is kept here — save again to overwrite.",
      });
      return;
    }
    if (error.status === 400 && error.body && typeof error.body === "object") {
      showMissedErrors(error.body);
      return;
    }
    showMissedErrors({ non_field_errors: error.message });
  }
}

function showMissedErrors(errors) {
  for (const [field, messages] of Object.entries(errors)) {
    const target =
      missedForm.querySelector(`[data-error-for="${CSS.escape(field)}"]`) ||
      missedForm.querySelector('[data-error-for="non_field_errors"]');
    target.textContent = [].concat(messages).map(describeError).join(" ");
  }
  const first = [...missedForm.querySelectorAll("[data-error-for]")].find((el) => el.textContent);
  if (first) first.setAttribute("role", "alert");
}

async function deleteMissed(missed) {
  if (!window.confirm(`Delete the missed opportunity “${missed.title}”?`)) return;
  try {
    await api("DELETE", `/api/missed-opportunities/${missed.id}/?version=${missed.version}`);
    state.missed = state.missed.filter((m) => m.id !== missed.id);
    renderMissed();
    say(`Deleted the missed opportunity “${missed.title}”.`);
  } catch (error) {
    warn(`Not deleted: ${error.message}`);
  }
}

missedForm.addEventListener("submit", (event) => {
  event.preventDefault();
  saveMissed();
});
document.getElementById("missed-cancel").addEventListener("click", () => missedDialog.close());
if (missedAdd) missedAdd.addEventListener("click", () => openMissed());

// ---------------------------------------------------------------------------------------
// Comparing with another analyst

const viewSelect = document.getElementById("view-analyst");
const readonlyBanner = document.getElementById("readonly-banner");

viewSelect.addEventListener("change", async () => {
  const username = viewSelect.value;
  closePicker();
  closeCard();
  try {
    if (username) {
      const params = new URLSearchParams({ meeting: config.meeting, analyst: username });
      const list = await fetchAll(`/api/annotations/?${params}`);
      state.others = new Map(list.map((a) => [a.id, a]));
    }
    state.viewing = username;
  } catch (error) {
    viewSelect.value = state.viewing;
    warn(`Could not load ${username}'s annotations: ${error.message}`);
    return;
  }
  readonlyBanner.hidden = canCode();
  readonlyBanner.textContent = state.viewing
    ? `You are looking at ${state.viewing}'s annotations: read-only.` +
      (config.canCode ? ' Choose "My annotations" to code again.' : "")
    : "Your role can read this meeting but not code it.";
  root.classList.toggle("is-readonly", !canCode());
  redraw();
  renderSuggestions();
  say(state.viewing ? `Showing ${state.viewing}'s annotations (read-only).` : "Showing your annotations.");
});

// ---------------------------------------------------------------------------------------
// Help

const helpDialog = document.getElementById("help-dialog");
document.getElementById("help-button").addEventListener("click", () => helpDialog.showModal());

// ---------------------------------------------------------------------------------------
// Events

const statementsEl = document.getElementById("statements");

function endDrag() {
  if (!state.dragging) return;
  state.dragging = false;
  if (state.deferred.size) {
    const ids = [...state.deferred];
    state.deferred.clear();
    redraw(ids);
  }
}

statementsEl.addEventListener("mousedown", (event) => {
  if (event.button !== 0 || !event.target.closest("[data-statement-text]")) return;
  state.dragging = true;
  state.selecting++;
  // Pressing inside the current selection would drag the quote away (drag-and-drop)
  // instead of starting a new selection: an analyst re-selecting means the latter.
  if (event.detail === 1 && !window.getSelection().isCollapsed) clearSelection();
});
// Drag-and-drop ends without a mouseup; the selection drag must end all the same.
statementsEl.addEventListener("dragstart", endDrag);
document.addEventListener("pointercancel", endDrag);
window.addEventListener("blur", endDrag);
document.addEventListener("mousemove", (event) => {
  if (state.dragging && event.buttons === 0) endDrag();
});

document.addEventListener("mouseup", (event) => {
  if (event.button !== 0) return;
  endDrag();
  if (event.target.closest("#code-picker, #annotation-card, .side-panel, dialog, .site-header")) {
    return;
  }
  // After the browser has settled the selection.
  setTimeout(() => {
    const selection = window.getSelection();
    if (selection.isCollapsed) return;
    const statementEl = event.target.closest("[data-statement-id]");
    if (statementEl) state.current = statementEl;
    const passage = currentPassage();
    if (passage.error) {
      if (/one statement/.test(passage.error)) warn(passage.error);
      closePicker();
      return;
    }
    if (!canCode()) return;
    state.current = statements.get(passage.statementId).el;
    openPicker(passage);
  }, 0);
});

statementsEl.addEventListener("click", (event) => {
  const done = event.target.closest(".done-toggle");
  const levelCode = event.target.closest(".statement-code");
  const statementEl = event.target.closest("[data-statement-id]");
  if (statementEl) {
    state.current = statementEl;
    for (const s of statementList) s.el.classList.toggle("is-current", s.el === statementEl);
  }
  if (done) {
    toggleDone(Number(statementEl.dataset.statementId));
    return;
  }
  if (levelCode) {
    const code = codesById.get(Number(levelCode.dataset.codeId));
    if (code) toggleStatementCode(Number(statementEl.dataset.statementId), code);
    return;
  }
  const mark = event.target.closest(".hl");
  if (mark && window.getSelection().isCollapsed) openCard(idsAt(mark), mark);
});

statementsEl.addEventListener("focusin", (event) => {
  const statementEl = event.target.closest("[data-statement-id]");
  if (statementEl && statementEl !== state.current) {
    state.current = statementEl;
    for (const s of statementList) s.el.classList.toggle("is-current", s.el === statementEl);
  }
});

document.addEventListener("mousedown", (event) => {
  if (!picker.hidden && !picker.contains(event.target) && !event.target.closest(".hl")) {
    closePicker();
  }
  if (!card.hidden && !card.contains(event.target)) closeCard();
});

function typing(target) {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))
  );
}

document.addEventListener("keydown", (event) => {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
  if (helpDialog.open || missedDialog.open) return;
  if (typing(event.target)) return;
  const key = event.key;
  const handled = () => event.preventDefault();
  if (key === "Escape") {
    closePicker();
    closeCard();
    return;
  }
  if (event.target.closest && event.target.closest("#annotation-card")) return;
  const interactive = event.target.closest && event.target.closest("button, a, summary");
  if (interactive && (key === "Enter" || key === " ")) return;
  if (key === "Enter" && caretAnnotations().length) {
    handled();
    const node = window.getSelection().focusNode;
    openCard(caretAnnotations(), node.parentElement.closest(".hl"));
    return;
  }
  const onStatement =
    document.activeElement === state.current || document.activeElement === document.body;
  if (key.startsWith("Arrow") && state.current && onStatement) {
    if (moveCaret(event)) handled();
    return;
  }
  switch (key) {
    case "?":
      handled();
      helpDialog.showModal();
      return;
    case "j":
      handled();
      moveStatement(1);
      return;
    case "k":
      handled();
      moveStatement(-1);
      return;
    case "c":
    case "Enter": {
      handled();
      if (!canCode()) {
        warn("These annotations are read-only.");
        return;
      }
      let passage = currentPassage();
      if (passage.error && state.pending) passage = state.pending;
      if (passage.error) warn(passage.error);
      else openPicker(passage, { focus: true });
      return;
    }
    case "d":
      handled();
      if (state.current) toggleDone(Number(state.current.dataset.statementId), { advance: true });
      else warn("Go to a statement first (j / k).");
      return;
    case "u":
      handled();
      undo();
      return;
    case "n":
      handled();
      selectSuggestion(state.suggestionIndex + 1);
      return;
    case "p":
      handled();
      selectSuggestion(state.suggestionIndex - 1);
      return;
    case "A":
      handled();
      if (state.suggestionIndex < 0) warn("Choose a suggestion first (n / p).");
      else decideSuggestion(state.suggestions[state.suggestionIndex], "accept");
      return;
    case "x":
      handled();
      if (state.suggestionIndex < 0) warn("Choose a suggestion first (n / p).");
      else decideSuggestion(state.suggestions[state.suggestionIndex], "dismiss");
      return;
    case "f":
    case "/":
      handled();
      findInput.closest("details").open = true;
      findInput.focus();
      findInput.select();
      return;
    default:
      break;
  }
  const code = event.shiftKey && /^[a-z]$/i.test(key) ? null : codesByShortcut.get(key);
  if (code) {
    handled();
    // The live selection, else the passage the open picker holds (focus may have moved).
    const selection = currentPassage();
    applyCode(code, selection.error && state.pending ? state.pending : selection);
  }
});

// ---------------------------------------------------------------------------------------
// Start

paint(document.body);
redraw();
renderProgress(state.done.size, config.statementCount);
loadSuggestions();
loadMissed();
root.classList.toggle("is-readonly", !canCode());
root.dataset.ready = "true";
