---
inject: true
to: app/routes.js
after: "// ROUTES"
skip_if: "path: '/<%= name %>'"
---
  { path: '/<%= name %>' },
