package fr.raccroche.pathway;

import java.time.LocalDate;

/** A case as matching and other modules see it: no personal data. */
public record CaseRef(
    String caseNumber,
    long personId,
    String perimeterCode,
    CaseStatus status,
    LocalDate leavingDate,
    String processInstanceId) {}
