package fr.raccroche.pathway;

import java.time.LocalDate;

/** Published in the transaction that records a milestone of a case (no personal data). */
public record MilestoneReached(
    String caseNumber,
    Milestone milestone,
    LocalDate occurredOn,
    String perimeterCode,
    String partnerCode,
    SolutionType solutionType,
    Boolean inSolution,
    ClosureReason closureReason) {}
