// The API addresses, from the page: the template reverses each URL name with {% url %}
// (an id of 0 where the address needs one), so a changed route never needs a change here.
// Pure: Node's tests build it from a plain object.

/** `template` with its id 0 replaced by `id`: "…/annotations/0/" → "…/annotations/7/". */
export function withId(template, id) {
  return template.replace("/0/", `/${encodeURIComponent(id)}/`);
}

/** `url` with a query string from `params` (an object or URLSearchParams). */
export function withQuery(url, params) {
  const query = new URLSearchParams(params).toString();
  return query ? `${url}?${query}` : url;
}

/** Address builders from the data-* attributes of #workspace-urls. */
export function endpoints(addresses) {
  return {
    annotations: (params) => withQuery(addresses.annotations, params || {}),
    annotation: (id, params) => withQuery(withId(addresses.annotation, id), params || {}),
    annotationRestore: (id) => withId(addresses.annotationRestore, id),
    annotationWithdraw: (id, params) =>
      withQuery(withId(addresses.annotationWithdraw, id), params || {}),
    statementDone: (id) => withId(addresses.statementDone, id),
    annotationBatch: () => addresses.annotationBatch,
    annotationBatchWithdraw: () => addresses.annotationBatchWithdraw,
    annotationBatchRestore: () => addresses.annotationBatchRestore,
    suggestions: () => addresses.suggestions,
    suggestionAccept: () => addresses.suggestionAccept,
    suggestionDismiss: () => addresses.suggestionDismiss,
    suggestionReopen: () => addresses.suggestionReopen,
    suggestionsDecide: () => addresses.suggestionsDecide,
    undo: () => addresses.undo,
    redo: () => addresses.redo,
    missedOpportunities: (params) => withQuery(addresses.missedOpportunities, params || {}),
    missedOpportunity: (id, params) =>
      withQuery(withId(addresses.missedOpportunity, id), params || {}),
  };
}
