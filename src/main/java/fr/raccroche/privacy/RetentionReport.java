package fr.raccroche.privacy;

import java.time.Instant;

/**
 * What one run of the retention job did.
 *
 * @param closedBefore people whose last case closed before this instant were anonymised
 * @param personsAnonymised people anonymised in this run
 * @param casesAnonymised their cases
 * @param rejectedLinesErased original texts of rejected import lines erased
 */
public record RetentionReport(
    Instant closedBefore, int personsAnonymised, int casesAnonymised, int rejectedLinesErased) {}
