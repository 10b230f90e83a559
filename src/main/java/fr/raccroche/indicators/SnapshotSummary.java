package fr.raccroche.indicators;

import java.time.Instant;

/** A quarterly snapshot as listed: {@code DRAFT}, {@code PUBLISHED} or {@code DISCARDED}. */
public record SnapshotSummary(
    long id,
    String schoolYear,
    String quarter,
    String status,
    Instant computedAt,
    Instant publishedAt,
    String reviewComment,
    String reviewedBy) {}
