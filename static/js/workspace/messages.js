// Messages: confirmations in the polite status region, problems in the alert region.

const statusEl = document.getElementById("status");
const alertEl = document.getElementById("alert");

let statusTimer = null;

/** A confirmation; with onUndo it carries an Undo button that calls it. */
export function say(message, { onUndo = null } = {}) {
  statusEl.replaceChildren(document.createTextNode(message));
  // A confirmation fades after a while; undo stays on the u key.
  clearTimeout(statusTimer);
  statusTimer = setTimeout(() => statusEl.replaceChildren(), 15000);
  if (onUndo) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "link-button undo-button";
    button.textContent = "Undo (u)";
    button.addEventListener("click", onUndo);
    statusEl.append(" ", button);
  }
  alertEl.hidden = true;
}

export function warn(message) {
  alertEl.textContent = message;
  alertEl.hidden = false;
}

/** A quote cut to `length` characters for a message or a list. */
export function shorten(text, length = 40) {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
