/**
 * The young person's pathway: the person record, the case (support episode) with its number, status
 * and closure reason, the {@code YouthPathwayProcess} glue, and the reporting milestones written as
 * the process passes them.
 *
 * <p>Public face: {@link fr.raccroche.pathway.CaseService}, {@link
 * fr.raccroche.pathway.PersonDirectory}, the records and enums of this package, and the events
 * {@link fr.raccroche.pathway.CaseRegistered} and {@link fr.raccroche.pathway.MilestoneReached}.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"shared", "territory", "security"})
package fr.raccroche.pathway;
