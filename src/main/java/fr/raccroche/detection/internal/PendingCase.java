package fr.raccroche.detection.internal;

import fr.raccroche.pathway.LeaverSource;
import java.time.LocalDate;

/**
 * What is needed to open a case once a review is over (kept as process variables of the review): no
 * contact details, only the source row's facts about the leaving.
 */
public record PendingCase(
    LeaverSource source,
    String followedByPartnerCode,
    LocalDate leavingDate,
    String leavingReason,
    String training,
    String level,
    String uai,
    String establishmentName) {}
