// Where a popup (the code picker) goes: below the selection if it fits, else above it,
// else on the side with more room, cut to that room (its list then scrolls) — always
// inside the viewport and never over the selected words. Pure: Node's tests import it.

const MARGIN = 8;

/** Viewport coordinates {left, top, room} for a `width`×`height` box next to `rect`;
 * `room` is the height it may take (its own height when it fits whole). */
export function placeBeside(rect, width, height, viewport) {
  const left = Math.max(MARGIN, Math.min(rect.left, viewport.width - width - 2 * MARGIN));
  const roomBelow = viewport.height - MARGIN - (rect.bottom + MARGIN);
  const roomAbove = rect.top - 2 * MARGIN;
  if (height <= roomBelow) return { left, top: rect.bottom + MARGIN, room: height };
  if (height <= roomAbove) return { left, top: rect.top - MARGIN - height, room: height };
  if (roomBelow >= roomAbove) return { left, top: rect.bottom + MARGIN, room: roomBelow };
  return { left, top: MARGIN, room: roomAbove };
}
