---
to: app/routes.js
force: true
message: routes ready
---
// routes
const routes = [
  // ROUTES
]

export default routes
