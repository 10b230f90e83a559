/**
 * Indicators and reports for the prefecture (docs/specification.md §4 Indicators): an
 * indicators-owned reporting table (one row per case, no personal data) kept up to date from the
 * pathway's events, the three quarterly indicators and their breakdowns computed with SQL over it,
 * the quarterly snapshots of {@code QuarterlyIndicatorsProcess} (draft, reviewed by the
 * supervisors, published and immutable), the objectives per school year, and the reports as JSON,
 * page, CSV and PDF with small counts masked.
 *
 * <p>Public face: {@link fr.raccroche.indicators.IndicatorService}, {@link
 * fr.raccroche.indicators.SchoolYear}, {@link fr.raccroche.indicators.Quarter} and the report
 * records.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"shared", "territory", "pathway", "security"})
package fr.raccroche.indicators;
