---
to: ignoring/draft.txt
---
draft
