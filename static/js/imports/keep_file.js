// The import page keeps the chosen file when the server refuses it: a browser empties a
// file input on every page load, so the file is held in this tab's sessionStorage while
// it is sent, and put back into the input when the answer is a refusal.

const form = document.querySelector("form.import-source");
const input = form && form.querySelector("input[type=file]");
const KEY = "workbench.import.file";

function encode(buffer) {
  let binary = "";
  const bytes = new Uint8Array(buffer);
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function restore() {
  const kept = JSON.parse(sessionStorage.getItem(KEY) || "null");
  if (!kept || form.dataset.refused !== "true") {
    sessionStorage.removeItem(KEY);
    return;
  }
  const bytes = Uint8Array.from(atob(kept.data), (c) => c.charCodeAt(0));
  const transfer = new DataTransfer();
  transfer.items.add(new File([bytes], kept.name, { type: kept.type }));
  input.files = transfer.files;
}

async function remember() {
  const file = input.files[0];
  if (!file) {
    sessionStorage.removeItem(KEY);
    return;
  }
  try {
    const data = encode(await file.arrayBuffer());
    sessionStorage.setItem(KEY, JSON.stringify({ name: file.name, type: file.type, data }));
  } catch {
    sessionStorage.removeItem(KEY); // too large to keep: the server's answer still comes
  }
}

if (input) {
  restore();
  form.addEventListener("submit", (event) => {
    if (form.dataset.sending === "true") return;
    event.preventDefault();
    form.dataset.sending = "true";
    remember().finally(() => form.submit());
  });
}
