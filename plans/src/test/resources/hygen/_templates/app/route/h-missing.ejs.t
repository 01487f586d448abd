---
inject: true
to: app/nowhere.js
append: true
---
lost
