---
inject: true
to: app/routes.js
append: true
eof_last: true
---
// appended <%= name %>
