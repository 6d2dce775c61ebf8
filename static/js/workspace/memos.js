// Memos beyond a passage: on the meeting (the side panel) and on a code (the codebook's
// Memo buttons). One dialog writes and edits both; every change is a step of the
// workspace's undo, logged by the server in this meeting's history (each write names the
// meeting as its `workspace`, which a memo on a code has not of its own), so u undoes it
// and Shift+U redoes it, after a reload too; history.js hands what an undo or redo did to
// the memos back here (memosMoved). The API addresses come from the page.

import { api, describeError, fetchAll } from "./api.js";
import { memoItem } from "./memo_items.js";
import { say, shorten, warn } from "./messages.js";
import { codesById, config } from "./state.js";
import { sayUndoable } from "./undo.js";
import { withId, withQuery } from "./urls.js";

const addresses = document.getElementById("workspace-urls").dataset;
const urls = {
  list: (params) => withQuery(addresses.memos, params || {}),
  one: (id, params) => withQuery(withId(addresses.memo, id), params || {}),
};
// The meeting whose undo history logs each write: this workspace's.
const workspace = { workspace: config.meeting };

export const memoDialog = document.getElementById("memo-dialog");
const panelList = document.getElementById("memo-list");
const panelCount = document.getElementById("memo-count");
const heading = document.getElementById("memo-dialog-heading");
const codeSection = document.getElementById("memo-code-memos");
const codeList = document.getElementById("memo-code-list");
const codeNone = document.getElementById("memo-code-none");
const dialogStatus = document.getElementById("memo-dialog-status");
// The form is only there for a role that codes.
const form = document.getElementById("memo-form");
const titleInput = document.getElementById("memo-title");
const textInput = document.getElementById("memo-text");
const formHeading = document.getElementById("memo-form-heading");
const newButton = document.getElementById("memo-new");
const closeButton = document.getElementById("memo-close");

const memos = new Map(); // every memo the page has read, by id
const open = { target: null, editing: null }; // target: { meeting } or { code }
// Unsaved text is never thrown away: closing the dialog (or switching to another memo)
// keeps what was typed as a draft of that memo (or of a new memo on that meeting or code),
// which comes back when it is opened again; leaving the page with a draft asks first.
const drafts = new Map(); // draftKey → { title, text }
const startedWith = { title: "", text: "" }; // what the form showed when editing began

const label = (memo) => memo.title || shorten(memo.text);
const byAge = (a, b) => (a.created === b.created ? a.id - b.id : a.created < b.created ? -1 : 1);
const mine = (memo) => config.canCode && memo.author === config.analyst;
const handlers = (memo) => (mine(memo) ? { onEdit: editFromList, onDelete: deleteMemo } : {});

function redraw() {
  const onMeeting = [...memos.values()].filter((m) => m.meeting === config.meeting).sort(byAge);
  panelCount.textContent = String(onMeeting.length);
  panelList.replaceChildren(...onMeeting.map((m) => memoItem(m, handlers(m))));
  if (open.target && open.target.code) drawCodeMemos();
}

function drawCodeMemos() {
  const id = open.target.code.id;
  const onCode = [...memos.values()].filter((m) => m.code === id).sort(byAge);
  codeList.replaceChildren(...onCode.map((m) => memoItem(m, handlers(m))));
  codeNone.hidden = onCode.length > 0;
}

function keep(memo) {
  memos.set(memo.id, memo);
  redraw();
  return memo;
}

/** A confirmation in the status region (with Undo) and, while it is open, in the dialog. */
function announce(message) {
  sayUndoable(message);
  if (memoDialog.open) dialogStatus.textContent = message;
}

export async function loadMemos() {
  try {
    for (const memo of await fetchAll(urls.list({ meeting: config.meeting }))) memos.set(memo.id, memo);
    redraw();
  } catch (error) {
    panelCount.textContent = "!";
    warn(`Memos could not be loaded: ${error.message}`);
  }
}

/** An undo or redo moved memos (history.js): draw them as the server answered. */
export function memosMoved(live, gone) {
  for (const id of gone) memos.delete(id);
  for (const memo of live) memos.set(memo.id, memo);
  for (const id of gone) drafts.delete(`memo ${id}`);
  if (open.editing !== null && gone.includes(open.editing)) startEditing(null, { keepCurrent: false });
  redraw();
}

// The writes: each is a step of the server's undo history.

async function removeMemo(id) {
  await api("DELETE", urls.one(id, { version: memos.get(id).version, ...workspace }));
  memos.delete(id);
  redraw();
}

async function createMemo(data) {
  const target = open.target.code ? { code: open.target.code.id } : { meeting: config.meeting };
  const memo = keep(await api("POST", urls.list(), { ...target, ...data, ...workspace }));
  announce(`Saved the memo “${label(memo)}”.`);
}

async function changeMemo(id, data) {
  const body = { ...data, version: memos.get(id).version, ...workspace };
  const memo = keep(await api("PATCH", urls.one(id), body));
  announce(`Saved the memo “${label(memo)}”.`);
}

async function deleteMemo(id) {
  const memo = memos.get(id);
  const inDialog = memoDialog.open;
  try {
    await removeMemo(id);
  } catch (error) {
    // Changed elsewhere meanwhile: shown as it is now, so a second delete is on purpose.
    if (error.status === 409 && error.body && error.body.current) keep(error.body.current);
    warn(`Not deleted: ${error.message}`);
    return;
  }
  drafts.delete(`memo ${id}`);
  if (open.editing === id) startEditing(null, { keepCurrent: false });
  announce(`Deleted the memo “${label(memo)}”.`);
  // The button is gone with its item: focus goes where the analyst can carry on.
  const next = inDialog ? titleInput || closeButton : document.getElementById("memo-add");
  if (next) next.focus();
}

// The dialog.

function clearErrors() {
  for (const el of form.querySelectorAll("[data-error-for]")) {
    el.textContent = "";
    el.removeAttribute("role");
  }
}

function showErrors(errors) {
  for (const [field, messages] of Object.entries(errors)) {
    const target =
      form.querySelector(`[data-error-for="${CSS.escape(field)}"]`) ||
      form.querySelector('[data-error-for="non_field_errors"]');
    target.textContent = [].concat(messages).map(describeError).join(" ");
  }
  const first = [...form.querySelectorAll("[data-error-for]")].find((el) => el.textContent);
  if (first) first.setAttribute("role", "alert");
}

function showRefusal(error) {
  if (error.status === 409 && error.body && error.body.current) {
    // The next save sends the current version, so it overwrites on purpose.
    memos.set(error.body.current.id, error.body.current);
    showErrors({
      non_field_errors:
        "This memo was changed elsewhere since you opened it; your text is kept here — save again to overwrite.",
    });
  } else if (error.status === 400 && error.body && typeof error.body === "object") {
    showErrors(error.body);
  } else showErrors({ non_field_errors: error.message });
}

function draftKey() {
  if (open.editing !== null) return `memo ${open.editing}`;
  return open.target && open.target.code ? `new on code ${open.target.code.id}` : "new on meeting";
}

/** Keep what the form holds as a draft if it differs from what editing began with. */
function keepDraft() {
  if (!form || !open.target) return;
  const typed = { title: titleInput.value, text: textInput.value };
  const changed = typed.title !== startedWith.title || typed.text !== startedWith.text;
  if (changed && (typed.title.trim() || typed.text.trim() || open.editing !== null)) {
    drafts.set(draftKey(), typed);
  } else drafts.delete(draftKey());
}

function startEditing(memo, { keepCurrent = true } = {}) {
  if (!form) return;
  if (keepCurrent) keepDraft();
  open.editing = memo ? memo.id : null;
  clearErrors();
  startedWith.title = memo ? memo.title : "";
  startedWith.text = memo ? memo.text : "";
  const draft = drafts.get(draftKey());
  titleInput.value = draft ? draft.title : startedWith.title;
  textInput.value = draft ? draft.text : startedWith.text;
  if (draft) dialogStatus.textContent = "Your unsaved text is back: save it, or clear it.";
  formHeading.textContent = memo
    ? "Edit your memo"
    : open.target.code
      ? "Your new memo on this code"
      : "Your new memo on the meeting";
  newButton.hidden = !memo;
}

function openFor(target, memo = null) {
  if (memoDialog.open) keepDraft(); // what was typed for the other target stays its draft
  open.target = target;
  heading.textContent = target.code ? `Memos on the code “${target.code.name}”` : "Memo on the meeting";
  codeSection.hidden = !target.code;
  if (target.code) drawCodeMemos();
  dialogStatus.textContent = "";
  startEditing(memo, { keepCurrent: false });
  if (!memoDialog.open) memoDialog.showModal();
  (titleInput || closeButton).focus();
}

function editFromList(id) {
  const memo = memos.get(id);
  if (open.target && open.target.code && memo.code === open.target.code.id) startEditing(memo);
  else openFor({ meeting: config.meeting }, memo);
  titleInput.focus();
}

async function openCode(id) {
  const code = codesById.get(id);
  try {
    for (const memo of await fetchAll(urls.list({ code: id }))) memos.set(memo.id, memo);
  } catch (error) {
    warn(`The memos on “${code.name}” could not be loaded: ${error.message}`);
    return;
  }
  openFor({ code });
}

async function save() {
  clearErrors();
  const data = { title: titleInput.value.trim(), text: textInput.value };
  if (!data.text.trim()) {
    showErrors({ text: "Write the memo: its text is empty." });
    return;
  }
  try {
    if (open.editing === null) await createMemo(data);
    else await changeMemo(open.editing, data);
  } catch (error) {
    showRefusal(error);
    return;
  }
  drafts.delete(draftKey());
  startedWith.title = titleInput.value;
  startedWith.text = textInput.value;
  // A code's dialog stays open on its list, ready for another memo; the meeting's closes.
  if (open.target.code) {
    startEditing(null);
    titleInput.focus();
  } else memoDialog.close();
}

export function listenToMemos() {
  const add = document.getElementById("memo-add");
  if (add) add.addEventListener("click", () => openFor({ meeting: config.meeting }));
  closeButton.addEventListener("click", () => memoDialog.close());
  memoDialog.addEventListener("close", () => {
    keepDraft();
    if (drafts.size) say("Your unsaved memo text is kept: open the memo again to finish it.");
    open.target = null;
    open.editing = null;
  });
  window.addEventListener("beforeunload", (event) => {
    if (memoDialog.open) keepDraft();
    if (!drafts.size) return;
    event.preventDefault(); // the browser asks whether to leave (its own words)
    event.returnValue = "";
  });
  if (form) {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      save();
    });
    newButton.addEventListener("click", () => {
      startEditing(null);
      titleInput.focus();
    });
  }
  for (const button of document.querySelectorAll(".code-memo")) {
    button.addEventListener("click", () => openCode(Number(button.dataset.codeId)));
  }
}
