// Filters: show only the statements with a code, segment, speaker type, gender, or none
// coded yet. Hidden statements are skipped by j / k and by find.

import { refreshFind } from "./find.js";
import { shown, statementList } from "./state.js";

const filterCode = document.getElementById("filter-code");
const filterSegment = document.getElementById("filter-segment");
const filterType = document.getElementById("filter-speaker-type");
const filterGender = document.getElementById("filter-gender");
const filterUncoded = document.getElementById("filter-uncoded");
const filterCount = document.getElementById("filter-count");
const noMatch = document.getElementById("no-match");

function chosen() {
  return {
    code: Number(filterCode.value) || null,
    segment: filterSegment.value,
    type: filterType.value,
    gender: filterGender.value,
    uncoded: filterUncoded.checked,
  };
}

/** The codes of the shown annotations, by statement id. */
function codesByStatement() {
  const coded = new Map();
  for (const a of shown().values()) {
    if (!coded.has(a.statement)) coded.set(a.statement, new Set());
    coded.get(a.statement).add(a.code);
  }
  return coded;
}

function matches(filters, s, codes) {
  return (
    (!filters.code || codes.has(filters.code)) &&
    (!filters.segment || s.el.dataset.segment === filters.segment) &&
    (!filters.type || s.el.dataset.speakerType === filters.type) &&
    (!filters.gender || s.el.dataset.gender === filters.gender) &&
    (!filters.uncoded || codes.size === 0)
  );
}

export function applyFilters() {
  const filters = chosen();
  const coded = codesByStatement();
  let visible = 0;
  for (const s of statementList) {
    const match = matches(filters, s, coded.get(s.id) || new Set());
    s.el.hidden = !match;
    if (match) visible++;
  }
  for (const section of document.querySelectorAll(".segment")) {
    section.hidden = ![...section.querySelectorAll("[data-statement-id]")].some((el) => !el.hidden);
  }
  const filtering = Object.values(filters).some(Boolean);
  filterCount.textContent = filtering
    ? `Showing ${visible} of ${statementList.length} statements.`
    : `${statementList.length} statements.`;
  noMatch.hidden = visible > 0 || statementList.length === 0;
}

/** Show every statement again (a suggestion in a filtered-out statement needs it). */
export function clearFilters() {
  filterCode.value = filterSegment.value = filterType.value = filterGender.value = "";
  filterUncoded.checked = false;
  applyFilters();
}

export function listenToFilters() {
  for (const control of [filterCode, filterSegment, filterType, filterGender, filterUncoded]) {
    control.addEventListener("change", () => {
      applyFilters();
      refreshFind();
    });
  }
}
