// One memo as the side panel and the code dialog list it: title, author, text, and Edit
// and Delete on the analyst's own. User text is only ever set with textContent.

const template = document.getElementById("memo-item");

/** A list item for `memo`; `onEdit` and `onDelete` given, it has those buttons. */
export function memoItem(memo, { onEdit = null, onDelete = null } = {}) {
  const item = template.content.firstElementChild.cloneNode(true);
  item.dataset.memoId = String(memo.id);
  const title = item.querySelector(".memo-title");
  if (memo.title) title.textContent = memo.title;
  else title.remove();
  item.querySelector(".memo-author").textContent = memo.author;
  item.querySelector(".memo-text").textContent = memo.text;
  if (!onEdit || !onDelete) {
    item.querySelector(".memo-actions").remove();
    return item;
  }
  const name = memo.title || memo.text.slice(0, 40);
  const edit = item.querySelector(".memo-edit");
  const remove = item.querySelector(".memo-delete");
  edit.setAttribute("aria-label", `Edit the memo “${name}”`);
  remove.setAttribute("aria-label", `Delete the memo “${name}”`);
  edit.addEventListener("click", () => onEdit(memo.id));
  remove.addEventListener("click", () => onDelete(memo.id));
  return item;
}
