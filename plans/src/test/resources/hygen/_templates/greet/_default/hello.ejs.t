---
to: greetings/<%= name %>.txt
---
Hello <%= name %>! (<%= action %>)
