---
to: ignoring/kept.txt
---
kept
