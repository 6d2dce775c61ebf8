// The suggestion panel's bulk controls: "Accept all N" and "Dismiss all N" for each code
// with open suggestions, and for each of its keywords when it has several. Only drawing is
// here (suggestion_list.js calls it whenever the list changes); suggestion_bulk.js answers
// the buttons. Each button carries its code and keyword in data-* attributes.

import { canCode, state } from "./state.js";

const groupsEl = document.getElementById("suggestion-groups");

/** Open suggestions counted by code and by its keywords: [{ code, name, count, keywords }]. */
export function suggestionGroups(suggestions) {
  const byCode = new Map();
  for (const s of suggestions) {
    if (!byCode.has(s.code)) {
      byCode.set(s.code, { code: s.code, name: s.code_name, count: 0, keywords: new Map() });
    }
    const group = byCode.get(s.code);
    group.count++;
    const keyword = s.code_keyword || s.keyword;
    group.keywords.set(keyword, (group.keywords.get(keyword) || 0) + 1);
  }
  return [...byCode.values()];
}

function button(decision, count, what, data) {
  const el = document.createElement("button");
  el.type = "button";
  el.className = `button small suggestion-bulk${decision === "accept" ? " primary" : ""}`;
  el.textContent = `${decision === "accept" ? "Accept" : "Dismiss"} all ${count}`;
  const verb = decision === "accept" ? "Accept" : "Dismiss";
  el.setAttribute("aria-label", `${verb} all ${count} suggestions of ${what}`);
  el.dataset.decision = decision;
  el.dataset.code = String(data.code);
  if (data.keyword) el.dataset.keyword = data.keyword;
  el.disabled = !canCode();
  return el;
}

function row(label, count, what, data, className) {
  const item = document.createElement("li");
  item.className = className;
  const name = document.createElement("span");
  name.className = "suggestion-group-name";
  name.textContent = `${label} (${count})`;
  const accept = button("accept", count, what, data);
  item.append(name, " ", accept, " ", button("dismiss", count, what, data));
  return item;
}

export function renderSuggestionGroups() {
  if (!groupsEl) return;
  const items = [];
  for (const group of suggestionGroups(state.suggestions)) {
    items.push(row(group.name, group.count, group.name, { code: group.code }, "suggestion-group"));
    if (group.keywords.size < 2) continue;
    for (const [keyword, count] of group.keywords) {
      const what = `“${keyword}” (${group.name})`;
      const data = { code: group.code, keyword };
      const className = "suggestion-group suggestion-group-keyword";
      items.push(row(`“${keyword}”`, count, what, data, className));
    }
  }
  groupsEl.replaceChildren(...items);
  groupsEl.hidden = items.length === 0;
}
