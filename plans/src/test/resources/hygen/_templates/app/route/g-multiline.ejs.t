---
inject: true
to: app/routes.js
before: "\\]\\n\\nexport"
---
  // multi-line anchor <%= name %>
