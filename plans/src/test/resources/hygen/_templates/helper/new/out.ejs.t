---
to: helper/<%= h.shout(name) %>.txt
---
<%= h.shout(name) %> <%= h.changeCase.snake(name) %> <%= greeting %>
