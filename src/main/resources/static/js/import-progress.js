// Follows a running import without reloading the page: progress bar, rate, time left, counts.
(function () {
  const main = document.querySelector('main.import-report');
  if (!main) return;
  const id = main.dataset.importId;
  const bar = document.getElementById('progress-bar');
  const set = (elementId, value) => {
    const el = document.getElementById(elementId);
    if (el) el.textContent = value;
  };
  const show = (r) => {
    bar.style.width = r.progress.percent + '%';
    bar.parentElement.setAttribute('aria-valuenow', r.progress.percent);
    set('status-label', r.statusLabel);
    set('phase-label', r.phaseLabel ? '— ' + r.phaseLabel : '');
    set('rows-read', r.rowsRead);
    set('rate', r.progress.rowsPerSecond);
    set('time-left', r.progress.secondsLeft == null ? '' : r.progress.secondsLeft + ' s restantes');
    set('pathways', r.progress.pathwaysStarted + ' / ' + r.progress.pathwaysToStart);
    set('c-read', r.rowsRead);
    set('c-created', r.created);
    set('c-merged', r.merged);
    set('c-updated', r.updated);
    set('c-unchanged', r.unchanged);
    set('c-rejected', r.rejected);
    set('c-excluded', r.excluded);
  };
  bar.style.width = (bar.dataset.percent || 0) + '%';
  if (main.dataset.status !== 'RUNNING') return;
  const poll = () =>
    fetch('/api/imports/' + id, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
      .then((r) => {
        show(r);
        if (r.status === 'RUNNING') setTimeout(poll, 1000);
        else window.location.reload();
      })
      .catch(() => setTimeout(poll, 5000));
  setTimeout(poll, 1000);
})();
