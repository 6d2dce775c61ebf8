// Quote links: a report's quote opens /meetings/<id>/?annotation=<id>. The workspace then
// shows that annotation's analyst (read-only if it is not mine), scrolls to the passage
// and marks it, so the quote is found without searching.

import { api } from "./api.js";
import { viewAnalyst } from "./compare.js";
import { redraw } from "./highlights.js";
import { say, warn } from "./messages.js";
import { markCurrent } from "./navigation.js";
import { config, state, statements, urls } from "./state.js";

/** The annotation id the address asks for, if any. */
export function linkedAnnotation(search = window.location.search) {
  const id = Number(new URLSearchParams(search).get("annotation"));
  return Number.isInteger(id) && id > 0 ? id : null;
}

async function fetchLinked(id) {
  try {
    return await api("GET", urls.annotation(id));
  } catch (error) {
    warn(
      error.status === 404
        ? "The annotation this link points to no longer exists (it was deleted)."
        : `The linked annotation could not be loaded: ${error.message}`,
    );
    return null;
  }
}

function scrollToTarget(annotation) {
  const statement = statements.get(annotation.statement);
  if (!statement) return;
  markCurrent(statement.el);
  const target =
    statement.el.querySelector(`mark[data-annotation-id="${annotation.id}"]`) ||
    statement.el.querySelector(`[data-annotation-id="${annotation.id}"]`) ||
    statement.el;
  target.scrollIntoView({ block: "center" });
}

const loaded = () =>
  new Promise((resolve) => {
    if (document.readyState === "complete") resolve();
    else window.addEventListener("load", resolve, { once: true });
  });

/** Go to the annotation the address names: mine, or another analyst's shown read-only. */
export async function openQuoteLink() {
  const id = linkedAnnotation();
  if (!id) return;
  let annotation = state.mine.get(id);
  if (!annotation) {
    annotation = await fetchLinked(id);
    if (!annotation) return;
    if (annotation.meeting !== config.meeting) {
      warn("The linked annotation belongs to another meeting.");
      return;
    }
    if (annotation.analyst !== config.analyst && !(await viewAnalyst(annotation.analyst))) return;
  }
  state.target = id;
  redraw([annotation.statement]);
  // After the page has loaded: the browser's own jump to #statement-… comes first.
  await loaded();
  scrollToTarget(annotation);
  const whose = annotation.analyst === config.analyst ? "your" : `${annotation.analyst}'s`;
  say(`The linked passage, ${whose} ${annotation.code_name}, is marked.`);
}
