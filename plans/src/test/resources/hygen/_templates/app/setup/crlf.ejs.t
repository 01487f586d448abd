---
to: app/list.txt
---
first
second
