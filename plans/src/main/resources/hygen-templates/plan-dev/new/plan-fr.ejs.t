---
to: "<%= (locals.lang || 'fr') === 'fr' ? `roadmaps/plans/plan-dev-${version}-${title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9.]+/g, '-').replace(/^[-.]+|[-.]+$/g, '')}.md` : null %>"
---
<%_ const today = locals.today || new Date().toISOString().slice(0, 10) _%>
<%_ const phaseCount = Number(phases) _%>
<%_ const infra = phaseCount >= 5 _%>
<%_ const pImpl = infra ? 3 : 2 _%>
<%_ const pTests = pImpl + 1 _%>
<%_ const pDoc = phaseCount >= 4 ? pTests + 1 : pTests _%>
# Plan de développement <%- version %> - <%- title %>

*Version 1.0 - <%- today %> - Progression globale : 0%*

<%_ if (description) { _%>
<%- description %>

<%_ } _%>
**Auteur** : <%- author %>

## Table des matières

- [1] Phase 1 : Analyse et conception
<%_ if (infra) { _%>
- [2] Phase 2 : Mise en place de l'infrastructure
<%_ } _%>
- [<%- pImpl %>] Phase <%- pImpl %> : Implémentation des fonctionnalités
<%_ if (phaseCount >= 4) { _%>
- [<%- pTests %>] Phase <%- pTests %> : Tests et validation
- [<%- pDoc %>] Phase <%- pDoc %> : Documentation et livraison
<%_ } else { _%>
- [<%- pTests %>] Phase <%- pTests %> : Tests, documentation et livraison
<%_ } _%>

## 📊 Tableau de bord

| Phase | Objectif | Livrable principal | Critère de sortie |
|-------|----------|--------------------|-------------------|
| Phase 1 | Analyse et conception | Document de conception validé | Revue de conception approuvée |
<%_ if (infra) { _%>
| Phase 2 | Infrastructure | Squelette du projet et CI en place | Build vert sur la branche principale |
<%_ } _%>
| Phase <%- pImpl %> | Implémentation | Fonctionnalités du périmètre | Tests unitaires verts, couverture ≥ 80 % |
<%_ if (phaseCount >= 4) { _%>
| Phase <%- pTests %> | Tests et validation | Rapport de tests | Aucun défaut bloquant ouvert |
| Phase <%- pDoc %> | Documentation et livraison | Version publiée | Notes de version publiées |
<%_ } else { _%>
| Phase <%- pTests %> | Tests et livraison | Version publiée et documentée | Aucun défaut bloquant, notes publiées |
<%_ } _%>

La progression de chaque phase (`*Progression: …%*`) est recalculée à partir des cases cochées par `plandev sync`.

## Points de vigilance

- ⚠️ (HAUTE) Périmètre : toute demande nouvelle passe par une révision de ce plan.
- ⚠️ (MOYENNE) Dépendances externes : vérifier leur disponibilité avant la phase <%- pImpl %>.
- ⚠️ (BASSE) Dette technique : noter les raccourcis pris pour les traiter avant la livraison.

## Phase 1 : Analyse et conception

*Progression: 0%*

### 1.1 Analyse des besoins

- [ ] **1.1.1** Recenser les besoins fonctionnels avec les parties prenantes
- [ ] **1.1.2** Identifier les contraintes techniques (performances, sécurité, compatibilité)
- [ ] **1.1.3** Rédiger les critères d'acceptation de chaque besoin

### 1.2 Conception technique

- [ ] **1.2.1** Définir l'architecture et les interfaces publiques
- [ ] **1.2.2** Choisir les dépendances et justifier chaque choix
- [ ] **1.2.3** Faire relire la conception et consigner les décisions

<%_ if (infra) { _%>
## Phase 2 : Mise en place de l'infrastructure

*Progression: 0%*

### 2.1 Structure du projet

- [ ] **2.1.1** Créer le squelette du module et la configuration de build
- [ ] **2.1.2** Configurer le formatage et l'analyse statique
- [ ] **2.1.3** Ajouter un premier test qui passe

### 2.2 Intégration continue

- [ ] **2.2.1** Mettre en place le pipeline de CI (build, tests, couverture)
- [ ] **2.2.2** Publier les artefacts de build
- [ ] **2.2.3** Documenter la procédure de build locale

<%_ } _%>
## Phase <%- pImpl %> : Implémentation des fonctionnalités

*Progression: 0%*

### <%- pImpl %>.1 Fonctionnalités principales

- [ ] **<%- pImpl %>.1.1** Implémenter le modèle de données
- [ ] **<%- pImpl %>.1.2** Implémenter les cas d'usage principaux
- [ ] **<%- pImpl %>.1.3** Gérer les erreurs avec des messages qui disent quoi faire
- [ ] **<%- pImpl %>.1.4** Écrire les tests unitaires de chaque cas d'usage

### <%- pImpl %>.2 Intégration

- [ ] **<%- pImpl %>.2.1** Brancher le module sur ses dépendances réelles
- [ ] **<%- pImpl %>.2.2** Ajouter la configuration (fichier, variables d'environnement)
- [ ] **<%- pImpl %>.2.3** Écrire les tests d'intégration

<%_ if (phaseCount >= 4) { _%>
## Phase <%- pTests %> : Tests et validation

*Progression: 0%*

### <%- pTests %>.1 Campagne de tests

- [ ] **<%- pTests %>.1.1** Exécuter les tests de bout en bout sur un environnement de recette
- [ ] **<%- pTests %>.1.2** Mesurer les performances par rapport aux objectifs
- [ ] **<%- pTests %>.1.3** Corriger les défauts bloquants et majeurs

### <%- pTests %>.2 Validation

- [ ] **<%- pTests %>.2.1** Vérifier chaque critère d'acceptation
- [ ] **<%- pTests %>.2.2** Obtenir la validation des parties prenantes

## Phase <%- pDoc %> : Documentation et livraison

*Progression: 0%*

### <%- pDoc %>.1 Documentation

- [ ] **<%- pDoc %>.1.1** Rédiger le guide d'utilisation
- [ ] **<%- pDoc %>.1.2** Mettre à jour la documentation technique et les schémas
- [ ] **<%- pDoc %>.1.3** Rédiger les notes de version

### <%- pDoc %>.2 Livraison

- [ ] **<%- pDoc %>.2.1** Étiqueter et publier la version
- [ ] **<%- pDoc %>.2.2** Déployer et surveiller les premiers usages
- [ ] **<%- pDoc %>.2.3** Faire le bilan et reporter les actions dans le plan suivant
<%_ } else { _%>
## Phase <%- pTests %> : Tests, documentation et livraison

*Progression: 0%*

### <%- pTests %>.1 Tests et validation

- [ ] **<%- pTests %>.1.1** Exécuter les tests de bout en bout sur un environnement de recette
- [ ] **<%- pTests %>.1.2** Vérifier chaque critère d'acceptation
- [ ] **<%- pTests %>.1.3** Corriger les défauts bloquants

### <%- pTests %>.2 Documentation et livraison

- [ ] **<%- pTests %>.2.1** Rédiger le guide d'utilisation et les notes de version
- [ ] **<%- pTests %>.2.2** Étiqueter et publier la version
- [ ] **<%- pTests %>.2.3** Faire le bilan et reporter les actions dans le plan suivant
<%_ } _%>

---

*Plan généré le <%- today %> par <%- author %> avec `plandev new plan-dev`*
