package fr.raccroche.pathway;

import java.time.LocalDate;

/** A line of the case list. */
public record CaseSummary(
    String caseNumber,
    String lastName,
    String firstName,
    LocalDate birthDate,
    String perimeterCode,
    CaseStatus status,
    String statusLabel,
    ClosureReason closureReason,
    LocalDate detectedOn,
    String referentPartnerCode) {}
