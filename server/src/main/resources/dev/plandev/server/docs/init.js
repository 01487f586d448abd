// Starts Swagger UI for /docs. A file rather than an inline script, so /docs needs no
// 'unsafe-inline' scripts. A key may come in the fragment (#key=pdk_…), which browsers never send
// to the server; it is applied once the document has loaded (applying it earlier, before the
// security schemes are known, silently did nothing) and then removed from the address bar.
(function () {
  'use strict';
  var key = new URLSearchParams(location.hash.slice(1)).get('key');
  if (key) {
    history.replaceState(null, '', location.pathname);
  }
  var ui = SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#ui',
    persistAuthorization: true,
    onComplete: function () {
      if (key) {
        ui.preauthorizeApiKey('bearerAuth', key);
      }
    }
  });
  window.ui = ui;
})();
