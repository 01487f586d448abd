---
to: params/<%= name %>.txt
---
kind=<%= kind %> double=<%= double %> size=<%= locals.size %> typeof size=<%= typeof locals.size %> flag=<%= locals.flag %> camel=<%= locals.myOption %> dashed=<%= locals['my-option'] %>
