// The plan page: ticks tasks in the file, and shows changes made elsewhere as they happen.
// Loaded as a file (the Content-Security-Policy forbids inline scripts); the session cookie is
// HttpOnly, so this script never sees a key or the session, only the page's anti-forgery token.
(function () {
  'use strict';

  function plan() { return document.getElementById('plan'); }

  function say(text, isError) {
    var notice = document.getElementById('notice');
    notice.textContent = text;
    notice.className = 'notice' + (isError ? ' error' : '');
  }

  // Fetches this page again and swaps the plan in, keeping collapsed sections and the focus.
  function reload(message, isError) {
    return fetch(location.href, { credentials: 'same-origin' })
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('plan');
        var current = plan();
        if (!fresh || !current) { location.reload(); return; }
        var closed = Array.prototype.map.call(
          current.querySelectorAll('details:not([open])'), function (d) { return d.id; });
        var focused = document.activeElement && document.activeElement.id;
        current.replaceWith(fresh);
        closed.forEach(function (id) {
          var d = document.getElementById(id);
          if (d) { d.open = false; }
        });
        if (focused && document.getElementById(focused)) { document.getElementById(focused).focus(); }
        if (message) { say(message, isError); }
      });
  }

  document.addEventListener('change', function (event) {
    var box = event.target;
    if (!box.matches('#plan input[type=checkbox][data-line]')) { return; }
    var p = plan();
    var body = new URLSearchParams({
      file: p.dataset.file, version: p.dataset.version, line: box.dataset.line,
      checked: box.checked ? 'true' : 'false'
    });
    fetch('/plan/toggle', {
      method: 'POST', body: body, credentials: 'same-origin',
      headers: { 'X-CSRF-Token': p.dataset.csrf, 'X-Requested-With': 'plandev' }
    }).then(function (r) {
      return r.json().then(function (answer) {
        if (r.ok) { p.dataset.version = answer.version; }
        return reload(answer.message, !r.ok);
      });
    }).catch(function () {
      say('The change could not be sent; is plandev serve still running?', true);
    });
  });

  // Listening starts once the page has loaded, so the open stream never holds up its load.
  window.addEventListener('load', function () {
    var start = plan();
    if (!start || !window.EventSource) { return; }
    var events = new EventSource('/plan/events?file=' + encodeURIComponent(start.dataset.file));
    events.addEventListener('changed', function (event) {
      var p = plan();
      if (!p || event.data === p.dataset.version) { return; }
      if (event.data === 'deleted') {
        say('This plan file was deleted or renamed outside this page.', true);
        return;
      }
      reload('The plan changed outside this page; it now shows the new content.', false);
    });
  });
})();
