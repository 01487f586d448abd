---
to: asker/<%= color.toLowerCase() %>.txt
---
color <%= color %>
