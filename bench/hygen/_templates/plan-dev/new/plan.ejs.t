---
to: roadmaps/plans/plan-dev-<%= locals.version || ('v' + new Date().toISOString().slice(0, 7)) %>-<%= (locals.title || 'plan').toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9.]+/g, '-').replace(/^-+|-+$/g, '') %>.md
force: true
---
<%
  // Adapted from the users' hygen templates (development/templates/plan-dev/plan-dev-header.md and
  // plan-dev-phase.md in the corpus): same header, same phase skeleton, one file, no prompt.js so it
  // runs non-interactively: hygen plan-dev new --title "..." [--version v..] [--phases 5] [--author x]
  const VERSION = locals.version || ('v' + new Date().toISOString().slice(0, 7))
  const TITLE = locals.title || 'Plan'
  const DATE = new Date().toISOString().slice(0, 10)
  const DESCRIPTION = locals.description || ''
  const PHASES = parseInt(locals.phases || '3', 10)
  const AUTHOR = locals.author || process.env.USER || ''
-%>
# Plan de développement <%= VERSION %> - <%= TITLE %>

*Version 1.0 - <%= DATE %> - Progression globale : 0%*

<%= DESCRIPTION %>

**Auteur** : <%= AUTHOR %>
<% for (let n = 1; n <= PHASES; n++) { -%>

## <%= n %>. Phase <%= n %> (Phase <%= n %>)

*Progression: 0%*

<% for (let t = 1; t <= 2; t++) { -%>
- [ ] **<%= n %>.<%= t %>** Tâche principale <%= t %>
<% for (let s = 1; s <= 3; s++) { -%>
  - [ ] **<%= n %>.<%= t %>.<%= s %>** Sous-tâche <%= t %>.<%= s %>
<% for (let a = 1; a <= 3; a++) { -%>
    - [ ] **<%= n %>.<%= t %>.<%= s %>.<%= a %>** Sous-sous-tâche <%= t %>.<%= s %>.<%= a %>
<% } -%>
<% } -%>
<% } -%>
<% } -%>
