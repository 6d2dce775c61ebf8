// A fixture dry run or load as the worker runs it: poll the job's JSON status, show the
// phase and the records checked; once the job is over, load the page again, which then
// shows the report. The status URL comes from the page (data-status-url). Without the
// script the page still works on reload.

const POLL_MS = 1000;
const MAX_WAIT_MS = 10000;

const section = document.querySelector("[data-fixture-job]");

function show(status) {
  section.querySelector("[data-job-label]").textContent = status.status_label;
  section.querySelector("[data-job-phase]").textContent = status.phase ? `— ${status.phase}` : "";
  section.querySelector("[data-job-count]").textContent = status.total
    ? `${status.done} of ${status.total} records`
    : "";
  const bar = section.querySelector("[data-job-progress]");
  bar.max = status.total || 1;
  bar.value = status.done;
  const waiting = section.querySelector("[data-job-waiting]");
  if (waiting && status.status !== "queued") waiting.hidden = true;
}

async function poll(delay) {
  let next = POLL_MS;
  try {
    const response = await fetch(section.dataset.statusUrl, {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    });
    if (!response.ok) throw new Error(`status ${response.status}`);
    const status = await response.json();
    show(status);
    if (status.over) {
      window.location.reload();
      return;
    }
  } catch (error) {
    // Lost the server for a moment (a restart, the network): say so and try again, slower.
    section.querySelector("[data-job-phase]").textContent = "— reconnecting…";
    next = Math.min(delay * 2, MAX_WAIT_MS);
  }
  window.setTimeout(() => poll(next), next);
}

if (section) window.setTimeout(() => poll(POLL_MS), POLL_MS);
