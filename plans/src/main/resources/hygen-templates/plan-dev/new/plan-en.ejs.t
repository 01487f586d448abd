---
to: "<%= (locals.lang || 'fr') === 'en' ? `roadmaps/plans/plan-dev-${version}-${title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9.]+/g, '-').replace(/^[-.]+|[-.]+$/g, '')}.md` : null %>"
---
<%_ const today = locals.today || new Date().toISOString().slice(0, 10) _%>
<%_ const phaseCount = Number(phases) _%>
<%_ const infra = phaseCount >= 5 _%>
<%_ const pImpl = infra ? 3 : 2 _%>
<%_ const pTests = pImpl + 1 _%>
<%_ const pDoc = phaseCount >= 4 ? pTests + 1 : pTests _%>
# Development plan <%- version %> - <%- title %>

*Version 1.0 - <%- today %> - Progress: 0%*

<%_ if (description) { _%>
<%- description %>

<%_ } _%>
**Author**: <%- author %>

## Table of contents

- [1] Phase 1: Analysis and design
<%_ if (infra) { _%>
- [2] Phase 2: Infrastructure
<%_ } _%>
- [<%- pImpl %>] Phase <%- pImpl %>: Feature implementation
<%_ if (phaseCount >= 4) { _%>
- [<%- pTests %>] Phase <%- pTests %>: Testing and validation
- [<%- pDoc %>] Phase <%- pDoc %>: Documentation and release
<%_ } else { _%>
- [<%- pTests %>] Phase <%- pTests %>: Testing, documentation and release
<%_ } _%>

## 📊 Dashboard

| Phase | Goal | Main deliverable | Exit criterion |
|-------|------|------------------|----------------|
| Phase 1 | Analysis and design | Approved design document | Design review signed off |
<%_ if (infra) { _%>
| Phase 2 | Infrastructure | Project skeleton and CI | Green build on the main branch |
<%_ } _%>
| Phase <%- pImpl %> | Implementation | Features in scope | Unit tests green, coverage ≥ 80% |
<%_ if (phaseCount >= 4) { _%>
| Phase <%- pTests %> | Testing and validation | Test report | No blocking defect open |
| Phase <%- pDoc %> | Documentation and release | Published release | Release notes published |
<%_ } else { _%>
| Phase <%- pTests %> | Testing and release | Published, documented release | No blocking defect, notes published |
<%_ } _%>

Each phase's progress line (`*Progress: …%*`) is recomputed from the checked boxes by `plandev sync`.

## Watch points

- ⚠️ (HIGH) Scope: any new request goes through a revision of this plan.
- ⚠️ (MEDIUM) External dependencies: check they are available before phase <%- pImpl %>.
- ⚠️ (LOW) Technical debt: note the shortcuts taken so they are paid back before the release.

## Phase 1: Analysis and design

*Progress: 0%*

### 1.1 Requirements analysis

- [ ] **1.1.1** List the functional requirements with the stakeholders
- [ ] **1.1.2** Identify the technical constraints (performance, security, compatibility)
- [ ] **1.1.3** Write the acceptance criteria of each requirement

### 1.2 Technical design

- [ ] **1.2.1** Define the architecture and the public interfaces
- [ ] **1.2.2** Choose the dependencies and justify each choice
- [ ] **1.2.3** Have the design reviewed and record the decisions

<%_ if (infra) { _%>
## Phase 2: Infrastructure

*Progress: 0%*

### 2.1 Project structure

- [ ] **2.1.1** Create the module skeleton and the build configuration
- [ ] **2.1.2** Set up formatting and static analysis
- [ ] **2.1.3** Add a first passing test

### 2.2 Continuous integration

- [ ] **2.2.1** Set up the CI pipeline (build, tests, coverage)
- [ ] **2.2.2** Publish the build artifacts
- [ ] **2.2.3** Document the local build procedure

<%_ } _%>
## Phase <%- pImpl %>: Feature implementation

*Progress: 0%*

### <%- pImpl %>.1 Core features

- [ ] **<%- pImpl %>.1.1** Implement the data model
- [ ] **<%- pImpl %>.1.2** Implement the main use cases
- [ ] **<%- pImpl %>.1.3** Handle errors with messages that say what to do
- [ ] **<%- pImpl %>.1.4** Write the unit tests of each use case

### <%- pImpl %>.2 Integration

- [ ] **<%- pImpl %>.2.1** Wire the module to its real dependencies
- [ ] **<%- pImpl %>.2.2** Add configuration (file, environment variables)
- [ ] **<%- pImpl %>.2.3** Write the integration tests

<%_ if (phaseCount >= 4) { _%>
## Phase <%- pTests %>: Testing and validation

*Progress: 0%*

### <%- pTests %>.1 Test campaign

- [ ] **<%- pTests %>.1.1** Run the end-to-end tests on a staging environment
- [ ] **<%- pTests %>.1.2** Measure performance against the targets
- [ ] **<%- pTests %>.1.3** Fix blocking and major defects

### <%- pTests %>.2 Validation

- [ ] **<%- pTests %>.2.1** Check every acceptance criterion
- [ ] **<%- pTests %>.2.2** Get the stakeholders' sign-off

## Phase <%- pDoc %>: Documentation and release

*Progress: 0%*

### <%- pDoc %>.1 Documentation

- [ ] **<%- pDoc %>.1.1** Write the user guide
- [ ] **<%- pDoc %>.1.2** Update the technical documentation and diagrams
- [ ] **<%- pDoc %>.1.3** Write the release notes

### <%- pDoc %>.2 Release

- [ ] **<%- pDoc %>.2.1** Tag and publish the release
- [ ] **<%- pDoc %>.2.2** Deploy and watch the first uses
- [ ] **<%- pDoc %>.2.3** Hold a retrospective and carry the actions into the next plan
<%_ } else { _%>
## Phase <%- pTests %>: Testing, documentation and release

*Progress: 0%*

### <%- pTests %>.1 Testing and validation

- [ ] **<%- pTests %>.1.1** Run the end-to-end tests on a staging environment
- [ ] **<%- pTests %>.1.2** Check every acceptance criterion
- [ ] **<%- pTests %>.1.3** Fix blocking defects

### <%- pTests %>.2 Documentation and release

- [ ] **<%- pTests %>.2.1** Write the user guide and the release notes
- [ ] **<%- pTests %>.2.2** Tag and publish the release
- [ ] **<%- pTests %>.2.3** Hold a retrospective and carry the actions into the next plan
<%_ } _%>

---

*Plan generated on <%- today %> by <%- author %> with `plandev new plan-dev`*
