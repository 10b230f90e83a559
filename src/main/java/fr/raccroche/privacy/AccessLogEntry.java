package fr.raccroche.privacy;

import java.time.Instant;

/**
 * One read of a young person's personal data: who, when, which case (or review), from where and
 * through which surface.
 */
public record AccessLogEntry(
    long id,
    Instant readAt,
    String userId,
    String caseNumber,
    String surface,
    String remoteAddress) {}
