/**
 * Data protection (docs/specification.md §6 Privacy): the access log of every read of a young
 * person's personal data, the retention job that anonymises closed cases after the retention period
 * (app tables, Camunda runtime and history), and the immediate erasure on a data-protection
 * objection.
 *
 * <p>Public face: {@link fr.raccroche.privacy.AccessLogService}, {@link
 * fr.raccroche.privacy.RetentionService}, {@link fr.raccroche.privacy.PrivacyProperties}.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"shared", "pathway", "detection", "security"})
package fr.raccroche.privacy;
