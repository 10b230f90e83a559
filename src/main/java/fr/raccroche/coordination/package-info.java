/**
 * Local coordination (docs/specification.md §5 Coordination): the shared catalogue of local offers
 * (training, information, support) with its data·inclusion export and the stale-offer update
 * process, the offers suggested at orientation ({@link fr.raccroche.pathway.OrientationOffers}),
 * the yearly territorial diagnosis of each perimeter computed from the coordination's own per-case
 * facts, and the local experiments (calls for projects).
 *
 * <p>Public face: {@link fr.raccroche.coordination.OfferService}, {@link
 * fr.raccroche.coordination.DiagnosisService}, their records and enums. Entities and repositories
 * live under {@code internal/}, Camunda glue under {@code process/}.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"shared", "territory", "pathway", "security", "indicators"})
package fr.raccroche.coordination;
