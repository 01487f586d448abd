---
to: multi/<%= name %>.model.js
---
model <%= name %> <%= subaction %>
