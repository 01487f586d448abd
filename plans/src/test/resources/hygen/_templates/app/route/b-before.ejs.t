---
inject: true
to: app/routes.js
before: export default
eof_last: false
---
// before export: <%= name %>

