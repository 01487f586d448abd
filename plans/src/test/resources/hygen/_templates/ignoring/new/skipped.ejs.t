---
to: ignoring/skipped.txt
---
skipped
