---
to: forced.txt
force: true
---
forced for <%= name %> at <%= locals.stamp || 'no stamp' %>
