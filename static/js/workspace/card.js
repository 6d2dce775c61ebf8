// The annotation card: the dialog a highlight opens. This part only shows, places and
// closes it; what it lists and edits is in card_entries.js, so coding can close it.

export const card = document.getElementById("annotation-card");
const cardBody = document.getElementById("annotation-card-body");
const closeButton = document.getElementById("annotation-card-close");
let cardReturnFocus = null;

/** Show `entries` in the card under `anchor`. */
export function showCard(entries, anchor) {
  cardReturnFocus = anchor.closest("[data-statement-id]") || anchor;
  cardBody.replaceChildren(...entries);
  card.hidden = false;
  const rect = anchor.getBoundingClientRect();
  const left = Math.max(8, Math.min(rect.left, window.innerWidth - card.offsetWidth - 16));
  card.style.left = `${left + window.scrollX}px`;
  card.style.top = `${rect.bottom + window.scrollY + 8}px`;
  // Straight into the memo, the usual reason to open an annotation; else the close button.
  const first = card.querySelector(".entry-memo") || closeButton;
  first.focus();
}

export function closeCard() {
  if (card.hidden) return;
  card.hidden = true;
  cardBody.replaceChildren();
  if (cardReturnFocus && document.contains(cardReturnFocus)) cardReturnFocus.focus();
}

export function listenToCard() {
  closeButton.addEventListener("click", closeCard);
  card.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.preventDefault();
      closeCard();
    }
  });
}
