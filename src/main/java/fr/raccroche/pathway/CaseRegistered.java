package fr.raccroche.pathway;

import java.time.LocalDate;

/**
 * Published in the transaction that registers a case, before its DETECTED milestone. Carries what
 * the indicators break figures down by, and no personal data: the person's surrogate id (to count
 * distinct young people), the age in whole years at the leaving date (at detection when the leaving
 * date is unknown) instead of the birth date, the sex code.
 */
public record CaseRegistered(
    String caseNumber,
    long personId,
    String perimeterCode,
    CaseOrigin origin,
    LeaverSource source,
    String sex,
    Integer ageAtLeaving,
    SchoolLevel lastLevel,
    String leavingReason,
    LocalDate leavingDate,
    LocalDate detectedOn) {}
