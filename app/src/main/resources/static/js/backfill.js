// The settings page's backfill panel: polls the job's state once a second while it is queued or
// running and moves the bar and the text. Kept in a file so the CSP can stay script-src 'self'.
(function () {
  const panel = document.querySelector("[data-backfill-status]");
  if (!panel) {
    return;
  }
  const url = panel.dataset.backfillStatus;
  const bar = panel.querySelector("progress");
  const box = panel.querySelector("[data-backfill-progress]");
  const state = panel.querySelector("[data-backfill-state]");
  const summary = panel.querySelector("[data-backfill-summary]");
  const error = panel.querySelector("[data-backfill-error]");
  const start = panel.querySelector("[data-backfill-start]");

  function show(job) {
    box.hidden = job.state === "none";
    if (job.percent === null || job.percent === undefined) {
      bar.removeAttribute("value");
      bar.textContent = "";
    } else {
      bar.value = job.percent;
      bar.textContent = job.percent + " %";
    }
    state.textContent = job.state;
    state.className = "pill" + (job.state === "succeeded" ? " ok" : job.state === "failed" ? " bad" : "");
    summary.textContent = job.summary;
    error.hidden = !job.last_error;
    error.textContent = job.last_error || "";
    start.disabled = job.active;
  }

  function poll() {
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
      .then((job) => {
        show(job);
        if (job.active) {
          setTimeout(poll, 1000);
        }
      })
      .catch(() => setTimeout(poll, 5000));
  }

  poll();
})();
