---
sh: "cat > shell-<%= name %>.txt"
---
piped body for <%= name %>
