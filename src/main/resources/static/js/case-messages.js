// The case page's "Écrire au jeune": fills the text with the chosen template merged with the case's
// data, so that it can be read and edited before sending (the server merges it the same way when
// the text is left empty).
(function () {
  const form = document.getElementById('message-form');
  if (!form) return;
  const text = document.getElementById('message-text');
  const button = document.getElementById('message-preview');
  const value = (name) => {
    const field = form.querySelector('[name="' + name + '"]:checked') || form.querySelector('[name="' + name + '"]');
    return field ? field.value : '';
  };
  button.addEventListener('click', async () => {
    const params = new URLSearchParams({ template: value('template'), recipient: value('recipient') });
    if (value('appointmentAt')) params.set('appointmentAt', value('appointmentAt'));
    if (value('appointmentPlace')) params.set('appointmentPlace', value('appointmentPlace'));
    const response = await fetch('/api/cases/' + encodeURIComponent(form.dataset.caseNumber)
      + '/messages/preview?' + params, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    const body = await response.json();
    if (response.ok) {
      text.value = body.text;
    } else {
      text.value = '';
      alert(body.detail || body.message || 'Le modèle n\'a pas pu être préparé.');
    }
  });
})();
