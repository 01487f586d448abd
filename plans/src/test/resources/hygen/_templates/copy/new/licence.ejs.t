---
to: LICENCE-<%= name %>.txt
from: copy/shared/licence.txt
---
ignored body
