package fr.raccroche.coordination;

import java.time.Instant;

/**
 * A perimeter's territorial diagnosis for a school year: the figures and the coordinator's text.
 */
public record Diagnosis(
    String perimeterCode,
    String schoolYear,
    DiagnosisStatus status,
    DiagnosisFigures figures,
    boolean figuresFrozen,
    String strengths,
    String weaknesses,
    String reviewComment,
    String writtenBy,
    Instant writtenAt,
    String validatedBy,
    Instant validatedAt) {}
