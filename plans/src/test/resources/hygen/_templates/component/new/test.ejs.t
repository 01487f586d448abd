---
to: "<%= withTest ? `src/components/${h.changeCase.param(name)}/${h.changeCase.pascal(name)}.test.jsx` : null %>"
unless_exists: true
---
test('<%= name %>', () => {})
