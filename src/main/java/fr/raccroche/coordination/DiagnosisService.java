package fr.raccroche.coordination;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.raccroche.coordination.internal.CoordinationCaseFactEntity;
import fr.raccroche.coordination.internal.CoordinationCaseFactRepository;
import fr.raccroche.coordination.internal.DiagnosisEntity;
import fr.raccroche.coordination.internal.DiagnosisRepository;
import fr.raccroche.coordination.process.DiagnosisProcesses;
import fr.raccroche.indicators.AggregateReader;
import fr.raccroche.pathway.Need;
import fr.raccroche.shared.InvalidInputException;
import fr.raccroche.territory.Partner;
import fr.raccroche.territory.PartnerType;
import fr.raccroche.territory.Perimeter;
import fr.raccroche.territory.TerritoryService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The yearly territorial diagnosis of each perimeter (docs/specification.md §5 Coordination):
 * figures computed from the coordination's own per-case facts and the catalogue (never from the
 * process history, which the retention job erases), the coordinator's strengths and weaknesses, the
 * supervisors' validation. Figures are frozen when the diagnosis is written, so earlier years stay
 * as they were.
 */
@Service
public class DiagnosisService {
  private final CoordinationCaseFactRepository facts;
  private final DiagnosisRepository diagnoses;
  private final OfferService offers;
  private final TerritoryService territory;
  private final DiagnosisProcesses processes;
  private final ObjectMapper json = new ObjectMapper();
  private final Clock clock;

  DiagnosisService(
      CoordinationCaseFactRepository facts,
      DiagnosisRepository diagnoses,
      OfferService offers,
      TerritoryService territory,
      DiagnosisProcesses processes,
      Optional<Clock> clock) {
    this.facts = facts;
    this.diagnoses = diagnoses;
    this.offers = offers;
    this.territory = territory;
    this.processes = processes;
    this.clock = clock.orElse(Clock.systemDefaultZone());
  }

  /** School year of a day: {@code 2025-2026} from 1 Sept 2025 to 31 Aug 2026. */
  public static String schoolYearOf(LocalDate day) {
    int start = day.getMonthValue() >= 9 ? day.getYear() : day.getYear() - 1;
    return start + "-" + (start + 1);
  }

  public String currentSchoolYear() {
    return schoolYearOf(LocalDate.now(clock));
  }

  public static void checkSchoolYear(String schoolYear) {
    if (schoolYear == null || !schoolYear.matches("^\\d{4}-\\d{4}$")) {
      throw new InvalidInputException(
          "schoolYear", "Année scolaire invalide : « " + schoolYear + " » (attendu AAAA-AAAA).");
    }
    int start = Integer.parseInt(schoolYear.substring(0, 4));
    if (Integer.parseInt(schoolYear.substring(5)) != start + 1) {
      throw new InvalidInputException(
          "schoolYear",
          "Année scolaire invalide : « " + schoolYear + " » (deux années qui se suivent).");
    }
  }

  /** The figures as of today (the catalogue as it is now). */
  @Transactional(readOnly = true)
  public DiagnosisFigures figures(String perimeterCode, String schoolYear) {
    checkSchoolYear(schoolYear);
    Perimeter perimeter = territory.perimeter(perimeterCode);
    List<CoordinationCaseFactEntity> cases =
        facts.findByPerimeterCodeAndSchoolYear(perimeterCode, schoolYear);
    LocalDate today = LocalDate.now(clock);
    List<Offer> current =
        offers.find(new OfferFilter(perimeterCode, null, null, null, null)).stream()
            .filter(o -> o.currentOn(today))
            .toList();
    List<DiagnosisFigures.NeedLine> lines = new ArrayList<>();
    int occurrences = 0;
    int withoutOffer = 0;
    for (Need need : Need.values()) {
      int primary = count(cases, c -> c.getPrimaryNeed() == need);
      int youngPeople = count(cases, c -> c.allNeeds().contains(need));
      List<Offer> addressing = current.stream().filter(o -> o.needs().contains(need)).toList();
      int places =
          addressing.stream()
              .map(Offer::placesAvailable)
              .filter(p -> p != null)
              .mapToInt(Integer::intValue)
              .sum();
      boolean unlimited = addressing.stream().anyMatch(o -> o.placesAvailable() == null);
      boolean none = youngPeople > 0 && addressing.isEmpty();
      occurrences += youngPeople;
      if (addressing.isEmpty()) {
        withoutOffer += youngPeople;
      }
      lines.add(
          new DiagnosisFigures.NeedLine(
              need,
              need.label(),
              primary,
              youngPeople,
              addressing.size(),
              places,
              unlimited,
              none));
    }
    int takenInCharge = count(cases, c -> c.getTakenInChargeOn() != null);
    int checked = count(cases, c -> c.getOneYearCheckedOn() != null);
    int inSolution = count(cases, c -> Boolean.TRUE.equals(c.getOneYearInSolution()));
    Set<PartnerType> present =
        territory.partners(null, perimeterCode).stream()
            .map(Partner::type)
            .collect(Collectors.toSet());
    return new DiagnosisFigures(
        perimeterCode,
        perimeter.name(),
        schoolYear,
        cases.size(),
        count(cases, c -> c.getPrimaryNeed() != null),
        lines,
        occurrences,
        withoutOffer,
        percent(withoutOffer, occurrences),
        median(
            cases.stream()
                .filter(c -> c.getDetectedOn() != null && c.getFirstContactOn() != null)
                .map(c -> ChronoUnit.DAYS.between(c.getDetectedOn(), c.getFirstContactOn()))
                .toList()),
        median(
            cases.stream()
                .filter(c -> c.getFirstContactOn() != null && c.getTakenInChargeOn() != null)
                .map(c -> ChronoUnit.DAYS.between(c.getFirstContactOn(), c.getTakenInChargeOn()))
                .toList()),
        takenInCharge,
        percent(takenInCharge, cases.size()),
        checked,
        inSolution,
        percent(inSolution, checked),
        count(cases, c -> c.getChosenOfferId() != null),
        Arrays.stream(PartnerType.values())
            .filter(present::contains)
            .map(PartnerType::label)
            .toList(),
        Arrays.stream(PartnerType.values())
            .filter(t -> t != PartnerType.OTHER && !present.contains(t))
            .map(PartnerType::label)
            .toList(),
        count(cases, c -> c.getDetectedOn() != null && c.getFirstContactOn() != null),
        count(cases, c -> c.getFirstContactOn() != null && c.getTakenInChargeOn() != null));
  }

  /**
   * The reader of a perimeter's diagnosis, by the indicators' rules (docs/security.md S9): the
   * perimeter must exist (else {@link fr.raccroche.shared.NotFoundException}) and be in the
   * reader's scope (a coordinator's own perimeters; administrators, supervisors and the prefecture
   * every one; else {@link org.springframework.security.access.AccessDeniedException}); small
   * counts masked as in the indicators, except for the perimeter's own coordinators, who follow its
   * cases one by one and write the diagnosis from the exact figures.
   */
  public AggregateReader readerOf(String perimeterCode, AggregateReader reader) {
    territory.perimeter(perimeterCode);
    reader.scope(perimeterCode);
    return reader.masking(reader.maskedByDefault() && !reader.coordinates(perimeterCode));
  }

  /** A perimeter's diagnosis of a school year (not opened yet: the live figures only). */
  @Transactional(readOnly = true)
  public Diagnosis diagnosis(String perimeterCode, String schoolYear, AggregateReader reader) {
    checkSchoolYear(schoolYear);
    AggregateReader r = readerOf(perimeterCode, reader);
    return diagnoses
        .findByPerimeterCodeAndSchoolYear(perimeterCode, schoolYear)
        .map(d -> view(d, r))
        .orElseGet(
            () ->
                new Diagnosis(
                    perimeterCode,
                    schoolYear,
                    DiagnosisStatus.NOT_OPENED,
                    figures(perimeterCode, schoolYear).shownTo(r),
                    false,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null));
  }

  /** Every diagnosis of a perimeter, latest year first (for comparison). */
  @Transactional(readOnly = true)
  public List<Diagnosis> history(String perimeterCode, AggregateReader reader) {
    AggregateReader r = readerOf(perimeterCode, reader);
    return diagnoses.findByPerimeterCodeOrderBySchoolYearDesc(perimeterCode).stream()
        .map(d -> view(d, r))
        .toList();
  }

  /**
   * Opens the diagnosis of every perimeter for the school year (the yearly campaign): one process
   * instance per perimeter, never two. Answers the perimeters opened now.
   */
  @Transactional
  public List<String> openCampaign(String schoolYear) {
    checkSchoolYear(schoolYear);
    List<String> opened = new ArrayList<>();
    for (Perimeter p : territory.perimeters()) {
      if (open(p.code(), schoolYear)) {
        opened.add(p.code());
      }
    }
    return opened;
  }

  /** Opens one perimeter's diagnosis; false when it is already open. */
  @Transactional
  public boolean open(String perimeterCode, String schoolYear) {
    checkSchoolYear(schoolYear);
    territory.perimeter(perimeterCode);
    if (diagnoses.findByPerimeterCodeAndSchoolYear(perimeterCode, schoolYear).isPresent()) {
      return false;
    }
    DiagnosisEntity d =
        diagnoses.save(new DiagnosisEntity(perimeterCode, schoolYear, Instant.now(clock)));
    d.setProcessInstanceId(processes.start(perimeterCode, schoolYear));
    return true;
  }

  /** The coordinator wrote the diagnosis: text saved, figures frozen, supervisors to validate. */
  @Transactional
  public void written(
      String perimeterCode, String schoolYear, String strengths, String weaknesses, String who) {
    DiagnosisEntity d = entity(perimeterCode, schoolYear);
    d.setStrengths(strengths.strip());
    d.setWeaknesses(weaknesses.strip());
    d.setFiguresJson(toJson(figures(perimeterCode, schoolYear)));
    d.setWrittenBy(who);
    d.setWrittenAt(Instant.now(clock));
    d.setStatus(DiagnosisStatus.SUBMITTED);
  }

  /** The supervisors' decision: validated (kept as is) or to revise, with their comment. */
  @Transactional
  public void reviewed(
      String perimeterCode, String schoolYear, boolean validated, String comment, String who) {
    DiagnosisEntity d = entity(perimeterCode, schoolYear);
    d.setReviewComment(comment == null || comment.isBlank() ? null : comment.strip());
    if (validated) {
      d.setStatus(DiagnosisStatus.VALIDATED);
      d.setValidatedBy(who);
      d.setValidatedAt(Instant.now(clock));
    } else {
      d.setStatus(DiagnosisStatus.TO_REVISE);
    }
  }

  private DiagnosisEntity entity(String perimeterCode, String schoolYear) {
    return diagnoses
        .findByPerimeterCodeAndSchoolYear(perimeterCode, schoolYear)
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "schoolYear",
                    "Aucun diagnostic ouvert pour " + perimeterCode + " en " + schoolYear + "."));
  }

  private Diagnosis view(DiagnosisEntity d, AggregateReader reader) {
    boolean frozen = d.getFiguresJson() != null;
    DiagnosisFigures figures =
        frozen ? fromJson(d.getFiguresJson()) : figures(d.getPerimeterCode(), d.getSchoolYear());
    return new Diagnosis(
        d.getPerimeterCode(),
        d.getSchoolYear(),
        d.getStatus(),
        figures.shownTo(reader),
        frozen,
        d.getStrengths(),
        d.getWeaknesses(),
        d.getReviewComment(),
        d.getWrittenBy(),
        d.getWrittenAt(),
        d.getValidatedBy(),
        d.getValidatedAt());
  }

  private String toJson(DiagnosisFigures figures) {
    try {
      return json.writeValueAsString(figures);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private DiagnosisFigures fromJson(String text) {
    try {
      return json.readValue(text, DiagnosisFigures.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int count(
      List<CoordinationCaseFactEntity> cases, Predicate<CoordinationCaseFactEntity> test) {
    return (int) cases.stream().filter(test).count();
  }

  static Double percent(int part, int whole) {
    return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
  }

  static Double median(List<Long> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Long> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }
}
