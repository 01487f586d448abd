---
to: null
---
never written
