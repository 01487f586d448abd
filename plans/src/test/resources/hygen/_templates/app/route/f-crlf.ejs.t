---
inject: true
to: app/list.txt
after: first
---
<%= name %>
