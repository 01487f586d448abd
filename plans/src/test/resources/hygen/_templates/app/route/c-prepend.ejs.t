---
inject: true
to: app/routes.js
prepend: true
---
import <%= h.changeCase.camel(name) %> from './<%= name %>'
