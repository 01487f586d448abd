/** Progress reports of one plan or a folder of plans, as Markdown, HTML (with SVG bars) or JSON. */
package dev.plandev.plans.report;
