// Talking to the server: JSON requests with the CSRF token, and errors turned into
// sentences an analyst can act on. The addresses come from the page (see urls.js).
//
// Nothing here touches the document until a request is made, so Node's tests can import
// describeError.

export class ApiError extends Error {
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

/** The message for a refused request: what failed, and what the analyst can do. */
export function refusalMessage(status, body) {
  let message = describeError(body);
  if (!message) message = `The server answered ${status}.`;
  if (status >= 500) message = `The server failed (${status}). Nothing was saved.`;
  if (status === 401 || (status === 403 && /credentials/i.test(message))) {
    message = "Your session has ended: sign in again in another tab, then retry.";
  }
  return message;
}

let inFlight = 0;

/** Requests still under way: leaving the page now could lose one. */
export const requestsInFlight = () => inFlight;

function optionsFor(method, body) {
  const options = {
    method,
    credentials: "same-origin",
    headers: { Accept: "application/json", "X-CSRFToken": csrfToken() },
  };
  if (body !== undefined) {
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  return options;
}

export async function api(method, url, body) {
  let response;
  inFlight++;
  try {
    response = await fetch(url, optionsFor(method, body));
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
    throw new ApiError(refusalMessage(response.status, data), {
      status: response.status,
      body: data,
    });
  }
  return data;
}

/** Every page of a paginated list (cursor or page-number pagination alike). */
export async function fetchAll(url) {
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
