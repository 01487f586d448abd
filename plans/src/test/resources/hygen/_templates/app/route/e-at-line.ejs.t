---
inject: true
to: app/routes.js
at_line: 1
---
// at line 1: <%= name %>
