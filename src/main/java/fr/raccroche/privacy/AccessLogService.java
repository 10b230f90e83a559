package fr.raccroche.privacy;

import fr.raccroche.pathway.PersonalDataRead;
import fr.raccroche.privacy.internal.AccessLogEntity;
import fr.raccroche.privacy.internal.AccessLogRepository;
import fr.raccroche.shared.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the access log for the supervisors: who read which case's personal data, when and from
 * where. The log itself is written by the events of each surface and never changes.
 */
@Service
@Transactional(readOnly = true)
public class AccessLogService {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  /** What {@link #readableBy} answers for an administrator: the entries of every département. */
  public static final String EVERY_DEPARTEMENT = "*";

  private final AccessLogRepository log;

  AccessLogService(AccessLogRepository log) {
    this.log = log;
  }

  /**
   * Entries, newest first, filtered by case number and user id (each may be null), between two days
   * included (Paris time; null = no bound).
   */
  public Page<AccessLogEntry> search(
      String caseNumber, String userId, LocalDate from, LocalDate to, Pageable page) {
    return search(null, caseNumber, userId, from, to, null, page);
  }

  /**
   * What a person may read of the log: an administrator every entry ({@link #EVERY_DEPARTEMENT}), a
   * supervisor the reads of their département's cases and imports (its code: the entries' {@code
   * departement}); empty when the person may read none.
   */
  public static java.util.Optional<String> readableBy(
      org.springframework.security.core.Authentication who) {
    if (fr.raccroche.security.UserDepartements.isAdministrator(who)) {
      return java.util.Optional.of(EVERY_DEPARTEMENT);
    }
    java.util.Set<String> codes = fr.raccroche.security.Roles.departementsOf(who);
    // One département a supervisor (UserAccount places a person in one).
    return codes.isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(codes.iterator().next());
  }

  /**
   * {@link #search(String, String, LocalDate, LocalDate, Pageable)} of one surface (null: any), in
   * the pageable's order (unsorted: newest first).
   */
  public Page<AccessLogEntry> search(
      String readable,
      String caseNumber,
      String userId,
      LocalDate from,
      LocalDate to,
      PersonalDataRead.Surface surface,
      Pageable page) {
    if (from != null && to != null && to.isBefore(from)) {
      throw new InvalidInputException(
          "to", "La date de fin doit être postérieure ou égale à la date de début.");
    }
    Instant start = from == null ? Instant.EPOCH : from.atStartOfDay(PARIS).toInstant();
    Instant end =
        to == null
            ? Instant.parse("9999-12-31T00:00:00Z")
            : to.plusDays(1).atStartOfDay(PARIS).toInstant();
    Pageable ordered =
        page.getSort().isSorted()
            ? page
            : PageRequest.of(
                page.getPageNumber(),
                page.getPageSize(),
                Sort.by(Sort.Order.desc("readAt"), Sort.Order.desc("id")));
    return log.search(
            blankToNull(caseNumber),
            readable == null || readable.equals(EVERY_DEPARTEMENT) ? null : readable,
            blankToNull(userId),
            start,
            end,
            surface == null ? null : surface.name(),
            ordered)
        .map(AccessLogService::entry);
  }

  private static AccessLogEntry entry(AccessLogEntity e) {
    return new AccessLogEntry(
        e.getId(),
        e.getReadAt(),
        e.getUserId(),
        e.getCaseNumber(),
        e.getSurface(),
        e.getRemoteAddress());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
