// Follows a running import without reloading the page: progress bar, rate, time left, counts.
// The bar is an ARIA progressbar (aria-valuenow and aria-valuetext follow it); the state and its
// phase sit in a polite live region (#import-status), so a screen reader hears them change but not
// every count of every second.
(function () {
  const main = document.querySelector('main.import-report');
  if (!main) return;
  const id = main.dataset.importId;
  const progress = document.getElementById('progress');
  const bar = document.getElementById('progress-bar');
  const set = (elementId, value) => {
    const el = document.getElementById(elementId);
    if (el && el.textContent !== String(value)) el.textContent = value;
  };
  const badges = { RUNNING: 'fr-badge--info', COMPLETED: 'fr-badge--success', FAILED: 'fr-badge--error' };
  const show = (r) => {
    const percent = r.progress.percent;
    bar.style.width = percent + '%';
    progress.setAttribute('aria-valuenow', percent);
    progress.setAttribute('aria-valuetext', percent + ' %, ' + r.rowsRead + ' lignes lues');
    set('progress-percent', percent + ' %');
    set('status-label', r.statusLabel);
    const status = document.getElementById('status-label');
    if (status) {
      Object.values(badges).forEach((c) => status.classList.remove(c));
      if (badges[r.status]) status.classList.add(badges[r.status]);
    }
    set('phase-label', r.phaseLabel ? '— ' + r.phaseLabel : '');
    set('rows-read', r.rowsRead);
    set('rate', r.progress.rowsPerSecond);
    set('time-left', r.progress.secondsLeft == null ? '' : '· ' + r.progress.secondsLeft + ' s restantes');
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
