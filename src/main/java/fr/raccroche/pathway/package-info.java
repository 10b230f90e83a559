/**
 * The young person's pathway: the one intake of young people (source lists, signalements, review
 * outcomes: matching, merge policy, eligibility, registration), the case (support episode) with its
 * number, status and closure reason, the start of its {@code YouthPathwayProcess} isolated case by
 * case, the process glue, and the reporting milestones written as the process passes them.
 *
 * <p>Public face: {@link fr.raccroche.pathway.CaseIntake} and {@link
 * fr.raccroche.pathway.Signalements} (intake), {@link fr.raccroche.pathway.PathwayStarts} (starts
 * and "démarrages en échec"), {@link fr.raccroche.pathway.CaseQueries} (reads), {@link
 * fr.raccroche.pathway.CaseEvents} (events at any time), {@link
 * fr.raccroche.pathway.PersonDirectory}, {@link fr.raccroche.pathway.Eligibility}, the records and
 * enums of this package, and the events {@link fr.raccroche.pathway.CaseRegistered} and {@link
 * fr.raccroche.pathway.MilestoneReached}. See docs/intake.md.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"shared", "territory", "security"})
package fr.raccroche.pathway;
