package fr.raccroche.pathway.internal;

import fr.raccroche.pathway.CaseNumbers;
import fr.raccroche.pathway.CaseOrigin;
import fr.raccroche.pathway.CaseRegistered;
import fr.raccroche.pathway.CaseStatus;
import fr.raccroche.pathway.Eligibility;
import fr.raccroche.pathway.NewCase;
import fr.raccroche.pathway.SchoolLevel;
import fr.raccroche.shared.BulkInserts;
import fr.raccroche.territory.Departements;
import fr.raccroche.territory.TerritoryCodes;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers cases for people already matched or registered: numbers them, writes them (through
 * {@link BulkInserts}: with {@code COPY} in the caller's bulk scope) with their DETECTED milestone,
 * and publishes {@link CaseRegistered} for the indicators. The pathway starts later ({@code
 * PathwayStarts}).
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class CaseRegistration {
  private final CaseNumberGenerator numbers;
  private final CaseRecords records;
  private final BulkInserts bulk;
  private final ApplicationEventPublisher events;
  private final Departements departements;
  private final Clock clock;

  CaseRegistration(
      CaseNumberGenerator numbers,
      CaseRecords records,
      BulkInserts bulk,
      ApplicationEventPublisher events,
      Departements departements,
      Optional<Clock> clock) {
    this.numbers = numbers;
    this.records = records;
    this.bulk = bulk;
    this.events = events;
    this.departements = departements;
    this.clock = clock.orElse(Clock.systemDefaultZone());
  }

  /**
   * A case to register for a known person, in a perimeter already chosen, in a département: the
   * perimeter's (a perimeter belongs to one), else the one given, else the deployment's default.
   */
  public record Request(
      PersonRef person, NewCase request, String perimeterCode, String departement) {
    public Request(PersonRef person, NewCase request, String perimeterCode) {
      this(person, request, perimeterCode, null);
    }
  }

  /** Registers the cases; answers their numbers, in the order of the requests. */
  public List<SupportCaseEntity> register(List<Request> requests) {
    // Numbers are reserved per school year, in one block each.
    Map<String, String> ofPerimeter =
        departements.ofPerimeters(
            requests.stream()
                .map(Request::perimeterCode)
                .filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet()));
    // Numbers are reserved per school year and département, in one block each.
    Map<String, LocalDate> aDayOf = new HashMap<>();
    Map<String, Integer> perYear = new HashMap<>();
    List<String> departementOf = new ArrayList<>(requests.size());
    for (Request r : requests) {
      String departement = ofPerimeter.get(r.perimeterCode());
      if (departement == null) {
        departement = r.departement() != null ? r.departement() : departements.defaultDepartement();
      }
      departementOf.add(departement);
      LocalDate day = detectedOn(r.request());
      String key = CaseNumbers.schoolYearStart(day) + "|" + departement;
      aDayOf.putIfAbsent(key, day);
      perYear.merge(key, 1, Integer::sum);
    }
    perYear.forEach(
        (key, count) ->
            numbers.reserve(aDayOf.get(key), key.substring(key.indexOf('|') + 1), count));
    List<SupportCaseEntity> registered = new ArrayList<>(requests.size());
    for (int i = 0; i < requests.size(); i++) {
      Request r = requests.get(i);
      registered.add(register(r.person(), r.request(), r.perimeterCode(), departementOf.get(i)));
    }
    return registered;
  }

  public LocalDate detectedOn(NewCase request) {
    return request.detectedOn() == null ? LocalDate.now(clock) : request.detectedOn();
  }

  private SupportCaseEntity register(
      PersonRef person, NewCase request, String perimeter, String departement) {
    LocalDate detectedOn = detectedOn(request);
    Instant now = Instant.now(clock);
    SupportCaseEntity c = new SupportCaseEntity();
    c.setCaseNumber(numbers.next(detectedOn, departement));
    c.setPersonId(person.id());
    c.setPerimeterCode(perimeter);
    c.setDepartement(departement);
    c.setStatus(CaseStatus.TO_CONTACT);
    c.setOrigin(request.origin() == null ? CaseOrigin.SELF_REFERRAL : request.origin());
    c.setSource(request.source());
    c.setDetectedOn(detectedOn);
    c.setLeavingDate(request.leavingDate());
    c.setLeavingReason(trim(request.leavingReason(), 200));
    c.setLastTraining(trim(request.lastTraining(), 200));
    c.setLastLevel(request.lastLevel() == null ? SchoolLevel.UNKNOWN : request.lastLevel());
    c.setUai(TerritoryCodes.normaliseUai(request.uai()));
    c.setEstablishmentLabel(trim(request.establishmentLabel(), 200));
    c.setJusticeFollowUp(request.justiceFollowUp());
    c.setFollowedByPartnerCode(request.followedByPartnerCode());
    c.setEnrolledElsewhere(request.enrolledElsewhere());
    c.setCreatedAt(now);
    c.setUpdatedAt(now);
    bulk.add(c);
    LocalDate ageDate = c.getLeavingDate() == null ? detectedOn : c.getLeavingDate();
    events.publishEvent(
        new CaseRegistered(
            c.getCaseNumber(),
            person.id(),
            perimeter,
            c.getOrigin(),
            c.getSource(),
            person.sex(),
            person.birthDate() == null ? null : Eligibility.age(person.birthDate(), ageDate),
            c.getLastLevel(),
            c.getLeavingReason(),
            c.getLeavingDate(),
            detectedOn));
    records.detected(c, detectedOn);
    return c;
  }

  static String trim(String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    return v.length() > max ? v.substring(0, max) : v;
  }
}
