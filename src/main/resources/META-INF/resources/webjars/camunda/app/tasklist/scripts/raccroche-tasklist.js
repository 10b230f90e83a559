// Raccroche: what Tasklist 7.24 and its Camunda Forms (form-js 1.8.7) lack for a French caseworker.
// Loaded through customScripts in scripts/config.js. Why each part exists, and how it was found in
// the bundled code, is in docs/forms.md §1 and README.md (Tasklist).
//
// 1. Dates. form-js 1.8.7 takes the date format of its date picker from
//    Intl.DateTimeFormat('default'), i.e. the browser's own language, not from Tasklist's locale:
//    an English browser gets mm/dd/yyyy ("04/12/2026" read as 12 April), and flatpickr, the
//    calendar behind it, is never localised (English month and day names). flatpickr puts itself
//    on window.flatpickr when form-js loads; every calendar it makes from then on takes the
//    defaults set here: French names, Monday first, and dd/mm/yyyy for reading and showing dates.
//    The value the form submits does not change (yyyy-MM-dd).
// 2. form-js: French validation messages ("Field is required." …) and French texts for the
//    select ("Select", "Search", "No results"); a date field whose schema says
//    "properties": {"defaultToday": "true"} starts with today's date when it is empty.
// 3. Tasklist: opening a task one may work claims it (or says why the form is locked); after
//    "Terminer", the next task of the same young person opens; lists sorted by due date unless
//    the user chose another order; a search by the young person's name above the list.
(function () {
  'use strict';

  if (window.raccrocheTasklistLoaded) {
    return;
  }
  window.raccrocheTasklistLoaded = true;

  // ---------------------------------------------------------------------------------------------
  // 1. Dates: flatpickr in French, dd/mm/yyyy whatever the browser's language
  // ---------------------------------------------------------------------------------------------
  const FRENCH_CALENDAR = {
    weekdays: {
      shorthand: ['dim.', 'lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.'],
      longhand: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi']
    },
    months: {
      shorthand: [
        'janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin',
        'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'
      ],
      longhand: [
        'janvier', 'février', 'mars', 'avril', 'mai', 'juin',
        'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'
      ]
    },
    firstDayOfWeek: 1,
    ordinal: function (day) {
      return day > 1 ? '' : 'er';
    },
    rangeSeparator: ' au ',
    weekAbbreviation: 'Sem.',
    scrollTitle: 'Faire défiler pour changer la valeur',
    toggleTitle: 'Cliquer pour basculer',
    amPM: ['AM', 'PM'],
    yearAriaLabel: 'Année',
    monthAriaLabel: 'Mois',
    hourAriaLabel: 'Heure',
    minuteAriaLabel: 'Minute',
    time_24hr: true
  };
  const DATE_FORMAT = 'd/m/Y';
  const DATE_PLACEHOLDER = 'jj/mm/aaaa';

  // Runs inside every flatpickr instance as it is configured (after the options form-js passed):
  // only the date fields of Camunda Forms are changed.
  function frenchDatePlugin(instance) {
    const input = instance.element;
    if (input && input.classList && input.classList.contains('fjs-input')) {
      instance.config.dateFormat = DATE_FORMAT;
      instance.config.ariaDateFormat = 'j F Y';
      input.setAttribute('placeholder', DATE_PLACEHOLDER);
    }
    return {};
  }

  function configureFlatpickr(flatpickr) {
    if (!flatpickr || flatpickr.raccrocheFrench) {
      return;
    }
    flatpickr.raccrocheFrench = true;
    flatpickr.localize(FRENCH_CALENDAR);
    const plugins = (flatpickr.defaultConfig && flatpickr.defaultConfig.plugins) || [];
    flatpickr.setDefaults({plugins: plugins.concat([frenchDatePlugin])});
  }

  if (window.flatpickr) {
    configureFlatpickr(window.flatpickr);
  } else {
    // form-js (and flatpickr with it) may load after this script: catch the assignment.
    let current;
    Object.defineProperty(window, 'flatpickr', {
      configurable: true,
      get: function () {
        return current;
      },
      set: function (value) {
        current = value;
        configureFlatpickr(value);
      }
    });
  }

  // ---------------------------------------------------------------------------------------------
  // 2. form-js: French messages, today's date as a default
  // ---------------------------------------------------------------------------------------------
  function isoToFrench(text) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(text).trim());
    return match ? match[3] + '/' + match[2] + '/' + match[1] : null;
  }

  const MESSAGES = [
    [/^Field is required\.$/, () => 'Ce champ est obligatoire.'],
    [
      /^Field must have minimum length of (\d+)\.$/,
      (m) => 'Saisissez au moins ' + m[1] + ' caractères.'
    ],
    [
      /^Field must have maximum length of (\d+)\.$/,
      (m) => 'Le texte ne doit pas dépasser ' + m[1] + ' caractères.'
    ],
    [
      /^Field must have minimum value of (.+)\.$/,
      (m) =>
        isoToFrench(m[1])
          ? 'La date ne peut pas être antérieure au ' + isoToFrench(m[1]) + '.'
          : 'La valeur doit être au moins ' + m[1] + '.'
    ],
    [
      /^Field must have maximum value of (.+)\.$/,
      (m) =>
        isoToFrench(m[1])
          ? 'La date ne peut pas être postérieure au ' + isoToFrench(m[1]) + '.'
          : 'La valeur doit être au plus ' + m[1] + '.'
    ],
    [/^Field must match pattern .*\.$/, () => "Le format saisi n'est pas valide."],
    [/^Field must be a valid email\.$/, () => 'Saisissez une adresse e-mail valide.'],
    [
      /^Field must be a valid\s+international phone number.*$/,
      () => 'Saisissez un numéro de téléphone au format international (par exemple +33612345678).'
    ],
    [/^Value is not a number\.$/, () => 'Saisissez un nombre.'],
    [/^Value is expected to be an integer\.$/, () => 'Saisissez un nombre entier.'],
    [
      /^Value is expected to have at most (\d+) decimal digits?\.$/,
      (m) => 'Saisissez au plus ' + m[1] + ' décimale(s).'
    ],
    [
      /^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
      (m) => 'Valeur non valide : les deux valeurs valides les plus proches sont ' + m[1] + ' et ' + m[2] + '.'
    ]
  ];

  function frenchMessage(message) {
    if (typeof message !== 'string') {
      return message;
    }
    for (const [pattern, french] of MESSAGES) {
      const match = pattern.exec(message);
      if (match) {
        return french(match);
      }
    }
    return message;
  }

  function frenchValidator(form) {
    let validator;
    try {
      validator = form.get('validator');
    } catch (e) {
      return;
    }
    if (!validator || validator.raccrocheFrench) {
      return;
    }
    validator.raccrocheFrench = true;
    ['validateField', 'validateFieldInstance'].forEach(function (name) {
      const original = validator[name];
      if (typeof original === 'function') {
        validator[name] = function () {
          const errors = original.apply(this, arguments);
          return Array.isArray(errors) ? errors.map(frenchMessage) : errors;
        };
      }
    });
  }

  function localToday() {
    const d = new Date();
    return [d.getFullYear(), d.getMonth() + 1, d.getDate()]
      .map((n) => String(n).padStart(2, '0'))
      .join('-');
  }

  // A date field marked "defaultToday" starts with today's date (form-js's defaultValue is static).
  function withTodayDefaults(schema, data) {
    const result = Object.assign({}, data);
    (function walk(components) {
      (components || []).forEach(function (component) {
        const properties = component.properties || {};
        if (
          component.type === 'datetime' &&
          component.key &&
          String(properties.defaultToday) === 'true' &&
          (result[component.key] === undefined ||
            result[component.key] === null ||
            result[component.key] === '')
        ) {
          result[component.key] = localToday();
        }
        walk(component.components);
      });
    })(schema && schema.components);
    return result;
  }

  // A field marked "properties": {"autofocus": "true"} has the keyboard focus when the form opens:
  // the caseworker types without reaching for the mouse first.
  function focusFirstMarked(form, schema) {
    let marked = null;
    (function walk(components) {
      (components || []).forEach(function (component) {
        if (!marked && String((component.properties || {}).autofocus) === 'true') {
          marked = component;
        }
        walk(component.components);
      });
    })(schema && schema.components);
    if (!marked) {
      return;
    }
    const container =
      form && form._container instanceof Element ? form._container : document;
    // Once the task is the user's (claimed on opening), and again if the claim's redraw takes the
    // focus away, as long as the user has not put it anywhere else (about 30 s at most).
    let tries = 0;
    let held = 0;
    (function attempt() {
      const field = container.querySelector('.fjs-container [id$="-' + marked.id + '"]');
      const locked = document.querySelector('.disabled-form') || claimButton();
      const active = document.activeElement;
      // A button ("Terminer" of the previous task) does not hold anything the user typed.
      const free =
        !active ||
        active === document.body ||
        active === field ||
        !/^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName);
      if (!free) {
        return;
      }
      if (field && !field.disabled && !locked) {
        if (active !== field) {
          field.focus();
          held = 0;
        } else if (++held >= 5) {
          return;
        }
      }
      if (tries++ < 150) {
        setTimeout(attempt, 200);
      }
    })();
  }

  // form-js is bundled in lib/deps.js as a webpack module (docs/forms.md §1): a chunk pushed on
  // the web app's webpack chunk list is given webpack's require, through which the Form class is
  // reached and patched once. Checked against the exports, so that an upgrade that moves the module
  // leaves the forms as they are (English messages) rather than broken.
  const FORM_JS_MODULE = 57661;

  function patchFormJs(require) {
    let formJs;
    try {
      formJs = require(FORM_JS_MODULE);
    } catch (e) {
      console.warn('Raccroche: form-js not found in this Tasklist build', e);
      return;
    }
    const Form = formJs && formJs.Form;
    if (!Form || !Form.prototype || typeof Form.prototype.importSchema !== 'function') {
      console.warn('Raccroche: form-js not found in this Tasklist build');
      return;
    }
    if (Form.prototype.raccrocheFrench) {
      return;
    }
    Form.prototype.raccrocheFrench = true;
    const importSchema = Form.prototype.importSchema;
    Form.prototype.importSchema = function (schema, data) {
      frenchValidator(this);
      const form = this;
      const result = importSchema.call(this, schema, withTodayDefaults(schema, data || {}));
      Promise.resolve(result).then(function () {
        focusFirstMarked(form, schema);
      });
      return result;
    };
  }

  (self.webpackChunkcamunda_bpm_webapp = self.webpackChunkcamunda_bpm_webapp || []).push([
    ['raccroche-tasklist'],
    {},
    patchFormJs
  ]);

  // form-js 1.8.7's select keeps the focus after an option is picked, and its next click then
  // closes a list it believes open: the list did not open again ("once a structure is chosen the
  // list no longer opens"). Letting go of the focus after a pick makes the next click open it.
  document.addEventListener(
    'mousedown',
    function (event) {
      if (event.target.closest && event.target.closest('.fjs-dropdownlist-item')) {
        setTimeout(function () {
          const active = document.activeElement;
          if (active && active.closest && active.closest('.fjs-form-field-select')) {
            active.blur();
          }
        }, 0);
      }
    },
    true
  );

  // Texts form-js writes itself in the select fields.
  const FORM_TEXTS = {Select: 'Choisir', 'No results': 'Aucun résultat'};
  const FORM_PLACEHOLDERS = {Search: 'Rechercher', 'mm/dd/yyyy': DATE_PLACEHOLDER};

  function translateFormTexts(root) {
    if (!root.querySelectorAll) {
      return;
    }
    root.querySelectorAll('.fjs-container input[placeholder]').forEach(function (input) {
      const french = FORM_PLACEHOLDERS[input.getAttribute('placeholder')];
      if (french) {
        input.setAttribute('placeholder', french);
      }
    });
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const french = FORM_TEXTS[node.data];
      if (french && node.parentElement && node.parentElement.closest('.fjs-container')) {
        node.data = french;
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // 3. Tasklist
  // ---------------------------------------------------------------------------------------------
  function appRoot() {
    const base = document.querySelector('base');
    return (base && base.getAttribute('app-root')) || '/camunda';
  }

  function engineName() {
    const match = window.location.pathname.match(/\/app\/tasklist\/([^/]+)\//);
    return match ? decodeURIComponent(match[1]) : 'default';
  }

  function engineApi(path) {
    return appRoot() + '/api/engine/engine/' + encodeURIComponent(engineName()) + path;
  }

  function getJson(url) {
    return fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}}).then(
      function (response) {
        if (!response.ok) {
          throw new Error(url + ' answered ' + response.status);
        }
        return response.json();
      }
    );
  }

  function hashParams() {
    const hash = window.location.hash || '';
    const index = hash.indexOf('?');
    return new URLSearchParams(index < 0 ? '' : hash.substring(index + 1));
  }

  function setHashParams(params, replace) {
    const hash = '#/?' + params.toString();
    if (replace) {
      window.history.replaceState(window.history.state, '', hash);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } else {
      window.location.hash = hash;
    }
  }

  function onLoginPage() {
    return /^#!?\/login/.test(window.location.hash);
  }

  // The signed-in user and their groups (for "may I work this task?").
  let userPromise = null;

  function currentUser() {
    if (!userPromise) {
      userPromise = getJson(appRoot() + '/api/admin/auth/user/' + encodeURIComponent(engineName()))
        .then(function (user) {
          return getJson(
            engineApi('/identity/groups?userId=' + encodeURIComponent(user.userId))
          ).then(function (identity) {
            return {id: user.userId, groups: (identity.groups || []).map((g) => g.id)};
          });
        })
        .catch(function (e) {
          userPromise = null;
          throw e;
        });
    }
    return userPromise;
  }

  // 3a. Lists sorted by due date (earliest first) unless the user chose an order.
  const DUE_DATE_FIRST = JSON.stringify([{sortBy: 'dueDate', sortOrder: 'asc'}]);

  function defaultSorting() {
    if (onLoginPage()) {
      return;
    }
    const params = hashParams();
    if (!params.has('sorting')) {
      params.set('sorting', DUE_DATE_FIRST);
      setHashParams(params, true);
    }
  }

  // 3b. Opening a task claims it when the user may work it and nobody has; otherwise the form
  // says why it is locked.
  const claimed = new Set();
  let shownTask = null;

  function taskDetails(taskId) {
    return Promise.all([
      getJson(engineApi('/task/' + encodeURIComponent(taskId))),
      getJson(engineApi('/task/' + encodeURIComponent(taskId) + '/identity-links')).catch(
        function () {
          return [];
        }
      ),
      currentUser()
    ]).then(function (answers) {
      const task = answers[0];
      const links = answers[1];
      const user = answers[2];
      const candidate = links.some(function (link) {
        return (
          link.type === 'candidate' &&
          ((link.groupId && user.groups.indexOf(link.groupId) >= 0) || link.userId === user.id)
        );
      });
      return {task: task, user: user, mayWork: candidate || task.assignee === user.id};
    });
  }

  function lockNotice(text) {
    let notice = document.querySelector('.raccroche-lock-notice');
    const form = document.querySelector('[cam-tasklist-form]');
    if (!text) {
      if (notice) {
        notice.remove();
      }
      return;
    }
    if (!form) {
      return;
    }
    if (!notice) {
      notice = document.createElement('div');
      notice.className = 'alert alert-warning raccroche-lock-notice';
      notice.setAttribute('role', 'status');
    }
    notice.textContent = text;
    if (notice.parentNode !== form.parentNode) {
      form.parentNode.insertBefore(notice, form);
    }
  }

  function claimButton() {
    const buttons = document.querySelectorAll('[cam-tasklist-task-meta] button.claim');
    for (const button of buttons) {
      if (button.offsetParent !== null && !button.disabled) {
        return button;
      }
    }
    return null;
  }

  function onTaskShown(taskId) {
    taskDetails(taskId)
      .then(function (details) {
        if (hashParams().get('task') !== taskId) {
          return;
        }
        shownTask = details.task;
        const task = details.task;
        if (!task.assignee && details.mayWork) {
          lockNotice(null);
          if (!claimed.has(taskId)) {
            claimed.add(taskId);
            clickWhenReady(claimButton, 'claim');
          }
        } else if (task.assignee && task.assignee !== details.user.id) {
          lockNotice(
            'Formulaire verrouillé : cette tâche est attribuée à ' +
              task.assignee +
              '. Elle seule (ou lui seul) peut la terminer ; demandez-lui de la libérer, ou à un ' +
              'superviseur de vous la réattribuer.'
          );
        } else if (!task.assignee && !details.mayWork) {
          lockNotice(
            "Formulaire en lecture seule : cette tâche revient à un groupe dont vous n'êtes pas " +
              'membre (' +
              (task.taskDefinitionKey || 'tâche') +
              ').'
          );
        } else {
          lockNotice(null);
        }
      })
      .catch(function (e) {
        console.warn('Raccroche: task ' + taskId + ' not read', e);
      });
  }

  // Tasklist draws the task's header a moment after the route changes: wait for the button.
  function clickWhenReady(find, what) {
    let tries = 0;
    (function attempt() {
      const element = find();
      if (element) {
        element.click();
      } else if (tries++ < 200) {
        setTimeout(attempt, 100);
      } else {
        console.warn('Raccroche: no ' + what + ' button');
      }
    })();
  }

  // 3c. After "Terminer": the next task of the same young person, when the user may see one.
  function openNextTask(completedTaskId) {
    const completed = shownTask && shownTask.id === completedTaskId ? shownTask : null;
    if (!completed || !completed.processInstanceId) {
      return;
    }
    const filter = hashParams().get('filter');
    // The process moves on in the same transaction: its next task exists once the answer came.
    getJson(
      engineApi(
        '/task?processInstanceId=' +
          encodeURIComponent(completed.processInstanceId) +
          '&sortBy=created&sortOrder=asc&firstResult=0&maxResults=20'
      )
    )
      .then(function (tasks) {
        return currentUser().then(function (user) {
          const candidates = tasks.filter(function (t) {
            return t.id !== completedTaskId && (!t.assignee || t.assignee === user.id);
          });
          return candidates.length ? candidates[0] : null;
        });
      })
      .then(function (next) {
        if (!next) {
          return;
        }
        // Tasklist removes the completed task from the address first; then the next one opens.
        setTimeout(function () {
          const params = hashParams();
          if (filter && !params.get('filter')) {
            params.set('filter', filter);
          }
          params.set('task', next.id);
          params.delete('detailsTab');
          setHashParams(params, false);
        }, 150);
      })
      .catch(function (e) {
        console.warn('Raccroche: next task not read', e);
      });
  }

  // Tasklist completes a Camunda Form with POST …/task/{id}/submit-form.
  const SUBMIT = /\/task\/([^/?]+)\/(submit-form|complete)(\?|$)/;
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.raccrocheRequest = {method: String(method).toUpperCase(), url: String(url)};
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    const request = this.raccrocheRequest;
    if (request && request.method === 'POST') {
      const match = SUBMIT.exec(request.url);
      if (match) {
        this.addEventListener('load', function () {
          if (this.status >= 200 && this.status < 300) {
            openNextTask(decodeURIComponent(match[1]));
          }
        });
      }
    }
    return send.apply(this, arguments);
  };

  // 3d. Search by the young person's name: folded (no accents, lower case), matched against the
  // process variable searchName (set when the case starts, never kept in the history).
  function fold(text) {
    return text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/œ/g, 'oe')
      .replace(/æ/g, 'ae')
      .replace(/ß/g, 'ss')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  }

  function currentNameSearch() {
    try {
      const searches = JSON.parse(hashParams().get('searchQuery') || '[]');
      const search = searches.find((s) => s.name === 'searchName');
      return search ? search.value.replace(/%/g, ' ').trim() : '';
    } catch (e) {
      return '';
    }
  }

  function searchByName(text) {
    const params = hashParams();
    let searches = [];
    try {
      searches = JSON.parse(params.get('searchQuery') || '[]').filter(
        (s) => s.name !== 'searchName'
      );
    } catch (e) {
      searches = [];
    }
    const folded = fold(text);
    if (folded) {
      searches.push({
        type: 'processVariables',
        operator: 'like',
        name: 'searchName',
        value: '%' + folded.split(' ').join('%') + '%'
      });
    }
    if (searches.length) {
      params.set('searchQuery', JSON.stringify(searches));
    } else {
      params.delete('searchQuery');
    }
    params.delete('page');
    params.delete('task');
    setHashParams(params, false);
  }

  function ensureNameSearch() {
    const list = document.querySelector('[cam-tasks]') || document.querySelector('.tasks-list');
    if (!list || onLoginPage()) {
      return;
    }
    let box = document.querySelector('.raccroche-name-search');
    if (!box) {
      box = document.createElement('form');
      box.className = 'raccroche-name-search';
      box.setAttribute('role', 'search');
      box.innerHTML =
        '<label for="raccroche-name-search-input">Rechercher un jeune</label>' +
        '<input id="raccroche-name-search-input" type="search" autocomplete="off" ' +
        'placeholder="Nom ou prénom, puis Entrée" class="form-control input-sm">';
      box.addEventListener('submit', function (event) {
        event.preventDefault();
        searchByName(box.querySelector('input').value);
      });
      box.querySelector('input').addEventListener('search', function () {
        if (!this.value) {
          searchByName('');
        }
      });
    }
    if (!box.isConnected) {
      list.parentNode.insertBefore(box, list);
      box.querySelector('input').value = currentNameSearch();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Wiring: the address (filter, task, sorting) and the page's content
  // ---------------------------------------------------------------------------------------------
  let lastTask = null;

  function onRoute() {
    if (onLoginPage()) {
      userPromise = null;
      lastTask = null;
      return;
    }
    defaultSorting();
    const taskId = hashParams().get('task');
    if (taskId !== lastTask) {
      lastTask = taskId;
      lockNotice(null);
      if (taskId) {
        onTaskShown(taskId);
      }
    }
  }

  window.addEventListener('hashchange', onRoute);

  let scheduled = false;
  new MutationObserver(function (mutations) {
    mutations.forEach(function (mutation) {
      if (mutation.type === 'characterData') {
        const french = FORM_TEXTS[mutation.target.data];
        if (
          french &&
          mutation.target.parentElement &&
          mutation.target.parentElement.closest('.fjs-container')
        ) {
          mutation.target.data = french;
        }
      } else {
        mutation.addedNodes.forEach(function (node) {
          if (node.nodeType === Node.ELEMENT_NODE) {
            translateFormTexts(node);
          } else if (node.nodeType === Node.TEXT_NODE && FORM_TEXTS[node.data]) {
            translateFormTexts(node.parentNode || document.body);
          }
        });
      }
    });
    if (!scheduled) {
      scheduled = true;
      setTimeout(function () {
        scheduled = false;
        ensureNameSearch();
      }, 50);
    }
  }).observe(document.documentElement, {childList: true, subtree: true, characterData: true});

  onRoute();
})();
