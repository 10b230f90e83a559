package fr.raccroche.indicators;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.raccroche.indicators.IndicatorReport.TrendPoint;
import fr.raccroche.indicators.internal.IndicatorCounts;
import fr.raccroche.indicators.internal.ObjectiveEntity;
import fr.raccroche.indicators.internal.ObjectiveRepository;
import fr.raccroche.indicators.internal.ReportAssembler;
import fr.raccroche.indicators.internal.SnapshotEntity;
import fr.raccroche.indicators.internal.SnapshotRepository;
import fr.raccroche.indicators.internal.Viewer;
import fr.raccroche.shared.InvalidInputException;
import fr.raccroche.shared.NotFoundException;
import fr.raccroche.territory.Departements;
import fr.raccroche.territory.Perimeter;
import fr.raccroche.territory.TerritoryService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The quarterly indicators, per département (a deployment may serve several: {@link
 * #departements()}): reports (the published snapshot of the quarter when there is one, otherwise
 * computed now and marked provisional), snapshots (draft → published or discarded; a published one
 * never changes), objectives, and the manual start of {@code QuarterlyIndicatorsProcess}. Bad
 * parameters give a French {@link InvalidInputException}, an unknown perimeter a {@link
 * NotFoundException}.
 */
@Service
@Transactional
public class IndicatorService {
  public static final String PROCESS_KEY = "QuarterlyIndicatorsProcess";

  /** The message that starts {@code QuarterlyIndicatorsProcess} by hand for a given quarter. */
  public static final String START_MESSAGE = "Msg_QuarterlyIndicatorsRequested";

  private final IndicatorCounts queries;
  private final SnapshotRepository snapshots;
  private final ObjectiveRepository objectives;
  private final TerritoryService territory;
  private final Departements departementList;
  private final RuntimeService runtime;
  private final ObjectMapper json;
  private final String departement;
  private final int threshold;
  private final Clock clock;

  IndicatorService(
      IndicatorCounts queries,
      SnapshotRepository snapshots,
      ObjectiveRepository objectives,
      TerritoryService territory,
      Departements departementList,
      RuntimeService runtime,
      ObjectMapper json,
      @Value("${raccroche.departement}") String departement,
      @Value("${raccroche.indicators.small-count-threshold:5}") int threshold,
      Optional<Clock> clock) {
    this.queries = queries;
    this.snapshots = snapshots;
    this.objectives = objectives;
    this.territory = territory;
    this.departementList = departementList;
    this.runtime = runtime;
    this.json = json;
    this.departement = departement;
    this.threshold = threshold;
    this.clock = clock.orElse(Clock.systemDefaultZone());
  }

  /** What {@link #createDraft} freezes: the département and each perimeter. */
  public record SnapshotContent(
      IndicatorFigures departement, Map<String, IndicatorFigures> perimeters) {}

  /** A school year and a quarter that overlaps it, both checked. */
  public record Period(SchoolYear schoolYear, Quarter quarter) {}

  public int smallCountThreshold() {
    return threshold;
  }

  /** How this user reads aggregates: the indicators' scope and small-count masking. */
  public AggregateReader reader(Authentication authentication) {
    Viewer viewer = viewer(authentication);
    return new AggregateReader(viewer, threshold, viewer.mask(), departementList::ofPerimeter);
  }

  public String departement() {
    return departement;
  }

  Viewer viewer(Authentication authentication) {
    return Viewer.of(authentication, departement);
  }

  /**
   * The département a reader asks for, once allowed (a French 404 for one not in the deployment, a
   * 403 for one not theirs), and the perimeter, checked to be in it. A coordinator's perimeter
   * tells the département.
   */
  @Transactional(readOnly = true)
  public Scope scope(Authentication authentication, String departementCode, String perimeterCode) {
    Viewer viewer = viewer(authentication);
    String requested =
        departementCode == null || departementCode.isBlank() ? null : departement(departementCode);
    String perimeter = viewer.scope(perimeter(perimeterCode));
    if (viewer.perimeters() != null) {
      String of = territory.perimeter(perimeter).departement();
      if (requested != null && !requested.equals(of)) {
        throw new NotFoundException(
            "Le périmètre " + perimeter + " n'est pas dans le département " + requested + ".");
      }
      return new Scope(of, perimeter);
    }
    String d = viewer.departement(requested, departement);
    return new Scope(d, perimeter(d, perimeter));
  }

  /** A département and one of its perimeters (null: the whole département). */
  public record Scope(String departement, String perimeter) {}

  /**
   * The départements of the deployment: the default one ({@code raccroche.departement}) and those
   * of the perimeters.
   */
  @Transactional(readOnly = true)
  public SortedSet<String> departements() {
    return new TreeSet<>(departementList.codes());
  }

  /**
   * A département code checked against the deployment (null or blank: the default one); unknown: a
   * French 404.
   */
  @Transactional(readOnly = true)
  public String departement(String code) {
    if (code == null || code.isBlank()) {
      return departement;
    }
    String c = code.strip().toUpperCase();
    if (!departements().contains(c)) {
      throw new NotFoundException(
          "Département inconnu : « " + code.strip() + " » (pas dans ce déploiement).");
    }
    return c;
  }

  /** Parses and checks a school year and a quarter (French 400s). */
  public Period period(String schoolYear, String quarter) {
    if (schoolYear == null || schoolYear.isBlank()) {
      throw new InvalidInputException(
          "schoolYear", "L'année scolaire est obligatoire (par exemple 2025-2026).");
    }
    if (quarter == null || quarter.isBlank()) {
      throw new InvalidInputException(
          "quarter", "Le trimestre est obligatoire (par exemple 2026-Q1).");
    }
    SchoolYear year = SchoolYear.parse(schoolYear);
    Quarter q = Quarter.parse(quarter);
    if (!year.overlaps(q)) {
      throw new InvalidInputException(
          "quarter",
          "Le trimestre "
              + q
              + " n'est pas dans l'année scolaire "
              + year
              + " (du 1er septembre "
              + year.startYear()
              + " au 31 août "
              + (year.startYear() + 1)
              + ").");
    }
    return new Period(year, q);
  }

  /** A perimeter code checked against the territory (null = the département). */
  public String perimeter(String code) {
    if (code == null || code.isBlank()) {
      return null;
    }
    String c = code.strip();
    if (!territory.perimeterExists(c)) {
      throw new NotFoundException("Périmètre inconnu : " + c + ".");
    }
    return c;
  }

  /**
   * A perimeter code checked against the territory and the département (null = the département): a
   * perimeter of another département is unknown in this one (French 404).
   */
  @Transactional(readOnly = true)
  public String perimeter(String departementCode, String code) {
    String c = perimeter(code);
    if (c != null && !departementCode.equals(territory.perimeter(c).departement())) {
      throw new NotFoundException(
          "Le périmètre " + c + " n'est pas dans le département " + departementCode + ".");
    }
    return c;
  }

  /** The perimeters of the default département (code → name). */
  @Transactional(readOnly = true)
  public Map<String, String> perimeterNames() {
    return perimeterNames(departement);
  }

  /** The perimeters of a département (code → name). */
  @Transactional(readOnly = true)
  public Map<String, String> perimeterNames(String departementCode) {
    Map<String, String> names = new TreeMap<>();
    for (Perimeter p : territory.perimeters()) {
      if (departementCode.equals(p.departement())) {
        names.put(p.code(), p.name());
      }
    }
    return names;
  }

  /**
   * Recomputes the pre-aggregated counts from the reporting table, in one transaction (after a bulk
   * load; done by itself at the first start on a database that had facts before the counts).
   * Answers the number of cases read.
   */
  public long rebuildCounts() {
    return queries.rebuild();
  }

  /** The figures of the default département computed now (from the counts), unmasked. */
  @Transactional(readOnly = true)
  public IndicatorFigures compute(Period period, String perimeter) {
    return compute(period, departement, perimeter);
  }

  /** A département's figures computed now (from the pre-aggregated counts), unmasked. */
  @Transactional(readOnly = true)
  public IndicatorFigures compute(Period period, String departementCode, String perimeter) {
    return queries.compute(
        period.schoolYear(), period.quarter(), List.of(departementCode), perimeter);
  }

  /**
   * Each of several départements' figures and their sum (key {@code null}), computed now from one
   * read of the counts, unmasked (no perimeter).
   */
  @Transactional(readOnly = true)
  Map<String, IndicatorFigures> computeEach(Period period, Collection<String> departementCodes) {
    return queries.computeEach(period.schoolYear(), period.quarter(), departementCodes);
  }

  /**
   * The report of a quarter: the latest published snapshot of it, unless {@code live} or there is
   * none (then computed now, status {@code PROVISIONAL}). Masked when {@code mask}.
   */
  @Transactional(readOnly = true)
  public IndicatorReport report(Period period, String perimeter, boolean live, boolean mask) {
    return report(period, departement, perimeter, live, mask);
  }

  /** The report of a quarter for a département (or one of its perimeters). */
  @Transactional(readOnly = true)
  public IndicatorReport report(
      Period period, String departementCode, String perimeter, boolean live, boolean mask) {
    String sy = period.schoolYear().toString();
    String q = period.quarter().toString();
    SnapshotEntity published = live ? null : latestPublished(departementCode, sy, q).orElse(null);
    IndicatorFigures figures =
        published == null
            ? compute(period, departementCode, perimeter)
            : figuresOf(published, perimeter);
    ReportAssembler a = new ReportAssembler(mask, threshold);
    Map<String, String> names = perimeterNames(departementCode);
    var total = figures.total();
    Figure leavers = a.count(total.leavers());
    Figure taken = a.count(total.takenInCharge());
    Figure cohort = a.count(total.oneYearCohort());
    Figure solution = a.count(total.solutionAfterOneYear());
    Figure takenRate = ReportAssembler.rate(taken, leavers);
    Figure solutionRate = ReportAssembler.rate(solution, cohort);
    List<Objective> scopeObjectives =
        ReportAssembler.sorted(
            objectives(departementCode, sy).stream()
                .filter(
                    o ->
                        perimeter == null ? o.perimeter() == null : perimeter.equals(o.perimeter()))
                .toList());
    SchoolYear year = period.schoolYear();
    Quarter quarter = period.quarter();
    return new IndicatorReport(
        departementCode,
        sy,
        q,
        quarter.label(),
        perimeter,
        perimeter == null ? "Tout le département" : names.getOrDefault(perimeter, perimeter),
        year.start(),
        quarter.end().isBefore(year.end()) ? quarter.end() : year.end(),
        quarter.start().minusYears(1),
        quarter.end().minusYears(1),
        published == null ? IndicatorReport.PROVISIONAL : IndicatorReport.PUBLISHED,
        published == null ? "Provisoire (calculé à la demande)" : "Publié",
        published == null ? null : published.getId(),
        published == null ? Instant.now(clock) : published.getComputedAt(),
        published == null ? null : published.getPublishedAt(),
        published == null ? null : published.getReviewComment(),
        mask,
        threshold,
        leavers,
        taken,
        takenRate,
        cohort,
        solution,
        solutionRate,
        a.delays(figures.delays()),
        a.lines(figures.perimeters(), code -> names.getOrDefault(code, code), false),
        a.breakdowns(figures),
        a.objectives(scopeObjectives, leavers, taken, takenRate, solution, solutionRate),
        trend(departementCode, year, perimeter, a));
  }

  List<TrendPoint> trend(
      String departementCode, SchoolYear year, String perimeter, ReportAssembler a) {
    // The latest published snapshot of each quarter of the school year.
    Map<String, SnapshotEntity> byQuarter = new TreeMap<>();
    for (SnapshotEntity s :
        snapshots.findByDepartementAndStatusOrderBySchoolYearAscQuarterAscIdAsc(
            departementCode, SnapshotEntity.PUBLISHED)) {
      if (s.getSchoolYear().equals(year.toString())) {
        byQuarter.put(s.getQuarter(), s);
      }
    }
    List<TrendPoint> points = new ArrayList<>();
    for (SnapshotEntity s : byQuarter.values()) {
      IndicatorFigures f = figuresOf(s, perimeter);
      Figure cohort = a.count(f.total().oneYearCohort());
      Figure solution = a.count(f.total().solutionAfterOneYear());
      points.add(
          new TrendPoint(
              s.getSchoolYear(),
              s.getQuarter(),
              s.getPublishedAt(),
              a.count(f.total().leavers()),
              a.count(f.total().takenInCharge()),
              ReportAssembler.rate(solution, cohort)));
    }
    return points;
  }

  Optional<SnapshotEntity> latestPublished(
      String departementCode, String schoolYear, String quarter) {
    return snapshots
        .findByDepartementAndSchoolYearAndQuarterOrderByIdDesc(departementCode, schoolYear, quarter)
        .stream()
        .filter(s -> SnapshotEntity.PUBLISHED.equals(s.getStatus()))
        .findFirst();
  }

  IndicatorFigures figuresOf(SnapshotEntity s, String perimeter) {
    SnapshotContent content = read(s);
    if (perimeter == null) {
      return content.departement();
    }
    IndicatorFigures f = content.perimeters().get(perimeter);
    if (f == null) {
      // A perimeter defined after the snapshot: nobody in it then.
      var zero = new IndicatorFigures.Counts(0, 0, 0, 0);
      return new IndicatorFigures(
          zero, new IndicatorFigures.Delays(0, null, 0, null), List.of(), Map.of());
    }
    return f;
  }

  private SnapshotContent read(SnapshotEntity s) {
    try {
      return json.readValue(s.getReportJson(), SnapshotContent.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable snapshot " + s.getId(), e);
    }
  }

  // ---- snapshots

  /** Computes the quarter for the default département (see the other {@code createDraft}). */
  public SnapshotSummary createDraft(Period period, String processInstanceId) {
    return createDraft(period, departement, processInstanceId);
  }

  /** Computes the quarter for a département and each perimeter and stores it as a draft. */
  public SnapshotSummary createDraft(
      Period period, String departementCode, String processInstanceId) {
    IndicatorFigures all = compute(period, departementCode, null);
    TreeSet<String> codes = new TreeSet<>(perimeterNames(departementCode).keySet());
    all.perimeters().stream().map(IndicatorFigures.Row::code).forEach(codes::add);
    Map<String, IndicatorFigures> perimeters = new LinkedHashMap<>();
    for (String code : codes) {
      if (code != null) {
        perimeters.put(code, compute(period, departementCode, code));
      }
    }
    String content;
    try {
      content = json.writeValueAsString(new SnapshotContent(all, perimeters));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    SnapshotEntity s =
        snapshots.save(
            new SnapshotEntity(
                departementCode,
                period.schoolYear().toString(),
                period.quarter().toString(),
                content,
                Instant.now(clock),
                processInstanceId));
    return summary(s);
  }

  /** Publishes a draft; a snapshot already published (or discarded) refuses. */
  public SnapshotSummary publish(long snapshotId, String comment, String reviewer) {
    SnapshotEntity s = snapshot(snapshotId);
    s.publish(trim(comment), reviewer, Instant.now(clock));
    snapshots.flush();
    return summary(s);
  }

  /** Sets a draft aside (a recomputation follows); a published snapshot refuses. */
  public SnapshotSummary discard(long snapshotId, String comment, String reviewer) {
    SnapshotEntity s = snapshot(snapshotId);
    s.discard(trim(comment), reviewer);
    snapshots.flush();
    return summary(s);
  }

  @Transactional(readOnly = true)
  public SnapshotSummary snapshotSummary(long snapshotId) {
    return summary(snapshot(snapshotId));
  }

  /** A French summary of a snapshot's département figures, for the review task. */
  @Transactional(readOnly = true)
  public String describe(long snapshotId) {
    SnapshotEntity s = snapshot(snapshotId);
    var t = read(s).departement().total();
    return "Département "
        + s.getDepartement()
        + ", année scolaire "
        + s.getSchoolYear()
        + ", "
        + Quarter.parse(s.getQuarter()).label()
        + " : "
        + t.leavers()
        + " jeunes sortis sans diplôme repérés (I1), "
        + t.takenInCharge()
        + " pris en charge (I2), "
        + t.solutionAfterOneYear()
        + " en solution un an après le premier contact sur une cohorte de "
        + t.oneYearCohort()
        + " (I3).";
  }

  @Transactional(readOnly = true)
  public List<SnapshotSummary> snapshots(Period period) {
    return snapshots(period, departement);
  }

  /** A département's snapshots of a quarter, the latest first. */
  @Transactional(readOnly = true)
  public List<SnapshotSummary> snapshots(Period period, String departementCode) {
    return snapshots
        .findByDepartementAndSchoolYearAndQuarterOrderByIdDesc(
            departementCode, period.schoolYear().toString(), period.quarter().toString())
        .stream()
        .map(IndicatorService::summary)
        .toList();
  }

  /** The département of a snapshot (a reviewer may only review their own). */
  @Transactional(readOnly = true)
  public String snapshotDepartement(long snapshotId) {
    return snapshot(snapshotId).getDepartement();
  }

  private SnapshotEntity snapshot(long id) {
    return snapshots
        .findById(id)
        .orElseThrow(() -> new NotFoundException("Instantané inconnu : " + id + "."));
  }

  private static SnapshotSummary summary(SnapshotEntity s) {
    return new SnapshotSummary(
        s.getId(),
        s.getSchoolYear(),
        s.getQuarter(),
        s.getStatus(),
        s.getComputedAt(),
        s.getPublishedAt(),
        s.getReviewComment(),
        s.getReviewedBy());
  }

  /** Starts {@code QuarterlyIndicatorsProcess} for the default département. */
  public String startQuarterlyProcess(Period period) {
    return startQuarterlyProcess(period, departement);
  }

  /**
   * Starts {@code QuarterlyIndicatorsProcess} for a quarter and a département (its start variable
   * {@code departement}); answers the process instance id.
   */
  public String startQuarterlyProcess(Period period, String departementCode) {
    return runtime
        .createMessageCorrelation(START_MESSAGE)
        .processInstanceBusinessKey(
            period.schoolYear() + "/" + period.quarter() + "/" + departementCode)
        .setVariable("schoolYear", period.schoolYear().toString())
        .setVariable("quarter", period.quarter().toString())
        .setVariable(DEPARTEMENT_VARIABLE, departementCode)
        .correlateStartMessage()
        .getId();
  }

  /** The process variable naming the département of an instance. */
  public static final String DEPARTEMENT_VARIABLE = fr.raccroche.shared.Departement.VARIABLE;

  /** The quarter a scheduled run reports on: the one that ended before {@code today}. */
  public Period scheduledPeriod(LocalDate today) {
    Quarter q = Quarter.of(today).previous();
    return new Period(q.schoolYear(), q);
  }

  // ---- objectives

  @Transactional(readOnly = true)
  public List<Objective> objectives(String schoolYear) {
    return objectives(departement, schoolYear);
  }

  /**
   * The objectives of a département for a school year ({@link ObjectiveEntity#REGION}: the
   * region's).
   */
  @Transactional(readOnly = true)
  public List<Objective> objectives(String departementCode, String schoolYear) {
    return objectives
        .findByDepartementAndSchoolYearOrderByPerimeterCodeAscIndicatorAsc(
            departementCode, schoolYear)
        .stream()
        .map(
            o ->
                new Objective(
                    o.getSchoolYear(),
                    ObjectiveEntity.DEPARTEMENT.equals(o.getPerimeterCode())
                        ? null
                        : o.getPerimeterCode(),
                    IndicatorKey.valueOf(o.getIndicator()),
                    Objective.Kind.valueOf(o.getKind()),
                    o.getTarget(),
                    o.getUpdatedBy(),
                    o.getUpdatedAt()))
        .toList();
  }

  /** Sets (or replaces) an objective of the default département (or of one of its perimeters). */
  public Objective setObjective(
      String schoolYear,
      String perimeter,
      String indicator,
      String kind,
      BigDecimal target,
      String user) {
    return setObjective(departement, schoolYear, perimeter, indicator, kind, target, user);
  }

  /** The region's objectives for a school year. */
  @Transactional(readOnly = true)
  public List<Objective> regionObjectives(String schoolYear) {
    return objectives(ObjectiveEntity.REGION, schoolYear);
  }

  /** Sets (or replaces) an objective of the region (set by the regional steering group). */
  public Objective setRegionObjective(
      String schoolYear, String indicator, String kind, BigDecimal target, String user) {
    return setObjective(ObjectiveEntity.REGION, schoolYear, null, indicator, kind, target, user);
  }

  /**
   * Sets (or replaces) the target of an indicator for a school year and a perimeter of the
   * département (null: the whole département; {@link ObjectiveEntity#REGION}: the region).
   */
  public Objective setObjective(
      String departementCode,
      String schoolYear,
      String perimeter,
      String indicator,
      String kind,
      BigDecimal target,
      String user) {
    if (schoolYear == null || schoolYear.isBlank()) {
      throw new InvalidInputException(
          "schoolYear", "L'année scolaire est obligatoire (par exemple 2025-2026).");
    }
    SchoolYear year = SchoolYear.parse(schoolYear);
    String scope =
        ObjectiveEntity.REGION.equals(departementCode)
            ? null
            : perimeter(departementCode, perimeter);
    IndicatorKey key;
    Objective.Kind k;
    try {
      key = IndicatorKey.valueOf(indicator == null ? "" : indicator.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "indicator",
          "Indicateur inconnu : « "
              + indicator
              + " » (LEAVERS, TAKEN_IN_CHARGE ou SOLUTION_AFTER_ONE_YEAR).");
    }
    try {
      k = Objective.Kind.valueOf(kind == null ? "COUNT" : kind.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "kind", "Type d'objectif inconnu : « " + kind + " » (COUNT ou RATE).");
    }
    if (key == IndicatorKey.LEAVERS && k == Objective.Kind.RATE) {
      throw new InvalidInputException(
          "kind", "L'objectif de repérage (I1) est un effectif, pas un taux.");
    }
    if (target == null || target.signum() < 0) {
      throw new InvalidInputException("target", "L'objectif doit être un nombre positif ou nul.");
    }
    if (k == Objective.Kind.RATE && target.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw new InvalidInputException("target", "Un taux ne peut pas dépasser 100 %.");
    }
    if (k == Objective.Kind.COUNT && target.stripTrailingZeros().scale() > 0) {
      throw new InvalidInputException("target", "Un effectif est un nombre entier.");
    }
    String code = scope == null ? ObjectiveEntity.DEPARTEMENT : scope;
    ObjectiveEntity o =
        objectives
            .findByDepartementAndSchoolYearAndPerimeterCodeAndIndicator(
                departementCode, year.toString(), code, key.name())
            .orElseGet(ObjectiveEntity::new);
    o.setDepartement(departementCode);
    o.setSchoolYear(year.toString());
    o.setPerimeterCode(code);
    o.setIndicator(key.name());
    o.setKind(k.name());
    o.setTarget(target.setScale(1, java.math.RoundingMode.HALF_UP));
    o.setUpdatedBy(user);
    o.setUpdatedAt(Instant.now(clock));
    objectives.save(o);
    return new Objective(
        year.toString(), scope, key, k, o.getTarget(), o.getUpdatedBy(), o.getUpdatedAt());
  }

  private static String trim(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip();
    return t.length() > 2000 ? t.substring(0, 2000) : t;
  }
}
