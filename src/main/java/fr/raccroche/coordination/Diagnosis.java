package fr.raccroche.coordination;

import java.time.Instant;

/**
 * A perimeter's territorial diagnosis for a school year: the figures as its reader sees them
 * ({@link DiagnosisFigures#shownTo}) and the coordinator's text.
 */
public record Diagnosis(
    String perimeterCode,
    String schoolYear,
    DiagnosisStatus status,
    DiagnosisFigures.Shown figures,
    boolean figuresFrozen,
    String strengths,
    String weaknesses,
    String reviewComment,
    String writtenBy,
    Instant writtenAt,
    String validatedBy,
    Instant validatedAt) {}
