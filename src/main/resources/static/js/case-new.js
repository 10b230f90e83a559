// "Signaler un jeune": after a refused submission, the focus goes to the error summary (read first
// by a screen reader, the next Tab reaches its links); each link of the summary puts the focus in
// its field, not only the page's scroll.
(function () {
  const summary = document.getElementById('error-summary');
  if (!summary) return;
  summary.focus();
  summary.querySelectorAll('a[href^="#"]').forEach((link) => {
    link.addEventListener('click', (event) => {
      const field = document.getElementById(link.getAttribute('href').substring(1));
      if (!field) return;
      event.preventDefault();
      field.focus();
      field.scrollIntoView({ block: 'center' });
    });
  });
})();
