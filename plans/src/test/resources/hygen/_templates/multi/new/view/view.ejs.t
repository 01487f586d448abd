---
to: multi/<%= name %>.view.js
---
view <%= name %>
