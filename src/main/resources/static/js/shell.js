// Part of the shell of every page (templates/layout.html). On a narrow screen a wide table, a chart
// or DSFR's table container scrolls inside its own box (app.css, dsfr.min.css), never the page: a
// box that scrolls is given a place in the tab order, so that a keyboard user can reach it and
// scroll it with the arrow keys (WCAG 2.1.1; axe-core's scrollable-region-focusable). A box that
// holds a link or a field is reached through them already; one that no longer scrolls (a wider
// window) leaves the tab order again.
(function () {
  'use strict';
  var BOXES = 'main table, main .chart, main .table-scroll, main .fr-table__container';
  var FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]';

  function mark() {
    document.querySelectorAll(BOXES).forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1;
      var style = window.getComputedStyle(box);
      var scrollable = /(auto|scroll)/.test(style.overflowX + ' ' + style.overflowY);
      var added = box.hasAttribute('data-shell-tabindex');
      if (scrolls && scrollable && !box.hasAttribute('tabindex') && !box.querySelector(FOCUSABLE)) {
        box.setAttribute('tabindex', '0');
        box.setAttribute('data-shell-tabindex', '');
      } else if (added && !(scrolls && scrollable)) {
        box.removeAttribute('tabindex');
        box.removeAttribute('data-shell-tabindex');
      }
    });
  }

  var pending;
  function later() {
    window.clearTimeout(pending);
    pending = window.setTimeout(mark, 100);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', mark);
  } else {
    mark();
  }
  window.addEventListener('load', later);
  window.addEventListener('resize', later);
  // DSFR's script wraps each table in its own boxes (fr-table__wrapper, __container) once it has
  // started, after this script ran: mark again when the content of <main> changes.
  var main = document.querySelector('main');
  if (main && window.MutationObserver) {
    // Only elements added or removed: the tabindex set here changes attributes, not the tree.
    new MutationObserver(later).observe(main, {childList: true, subtree: true});
  }
})();
