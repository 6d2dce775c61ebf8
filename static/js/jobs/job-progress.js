// A background job's page as the task queue's worker runs it (a bulk import, a fixture
// dry run or load): poll the job's JSON status and show its phase and progress; once the
// job is over, go where the status says (`next`, e.g. a record's preview) or load the page
// again, which then shows the job's report. Everything comes from the page:
//   data-job               the section to fill in, with data-status-url
//   data-job-unit          what the count counts ("files", "records")
//   data-count="<name>"    an optional cell per count of status.counts
// Without the script the page still works on reload.

const POLL_MS = 1000;
const MAX_WAIT_MS = 10000;

const section = document.querySelector("[data-job]");

function show(status) {
  section.querySelector("[data-job-label]").textContent = status.status_label;
  section.querySelector("[data-job-phase]").textContent = status.phase ? `— ${status.phase}` : "";
  section.querySelector("[data-job-count]").textContent = status.total
    ? `${status.done} of ${status.total} ${section.dataset.jobUnit}`
    : "";
  const bar = section.querySelector("[data-job-progress]");
  bar.max = status.total || 1;
  bar.value = status.done;
  for (const [name, count] of Object.entries(status.counts || {})) {
    const item = section.querySelector(`[data-count="${CSS.escape(name)}"] [data-count-value]`);
    if (item) item.textContent = String(count);
  }
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
      if (status.next) window.location.assign(status.next);
      else window.location.reload();
      return;
    }
  } catch (error) {
    // Lost the server for a moment (a restart, the network): say so and try again, slower.
    section.querySelector("[data-job-phase]").textContent = "— reconnecting…";
    next = Math.min(delay * 2, MAX_WAIT_MS);
  }
  window.setTimeout(() => poll(next), next);
}

if (section && section.dataset.over !== "true") {
  window.setTimeout(() => poll(POLL_MS), POLL_MS);
}
