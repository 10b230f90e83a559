package fr.raccroche.indicators;

import fr.raccroche.pathway.CaseOrigin;
import fr.raccroche.pathway.CaseRegistered;
import fr.raccroche.pathway.ClosureReason;
import fr.raccroche.pathway.LeaverSource;
import fr.raccroche.pathway.Milestone;
import fr.raccroche.pathway.MilestoneReached;
import fr.raccroche.pathway.SchoolLevel;
import fr.raccroche.pathway.SolutionType;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A seeded synthetic département: cases over several school years and perimeters with every
 * outcome, dates on quarter and school-year boundaries and on the leap day 2024-02-29, people with
 * two cases, transfers, out-of-scope closures. It replays each case as the pathway's events, and
 * computes the expected figures itself, from its own list of cases, in plain Java (never the
 * production query).
 */
public final class SyntheticDepartement {
  /** A case as the test knows it (its final state). */
  public record Case(
      String caseNumber,
      long personId,
      String perimeter,
      String initialPerimeter,
      String source,
      String sex,
      Integer age,
      String level,
      String reason,
      LocalDate leaving,
      LocalDate detected,
      LocalDate firstContact,
      LocalDate takenInCharge,
      LocalDate retakenInCharge,
      Boolean inSolution,
      String solutionType,
      ClosureReason closure) {

    public boolean inScope() {
      return closure != ClosureReason.NOT_ELIGIBLE && closure != ClosureReason.FALSE_DETECTION;
    }

    public String ageBand() {
      if (age == null) return "UNKNOWN";
      if (age >= 16 && age <= 17) return "16-17";
      if (age >= 18 && age <= 20) return "18-20";
      if (age >= 21 && age <= 25) return "21-25";
      return "OTHER";
    }

    public String code(String dimension) {
      String v =
          switch (dimension) {
            case "source" -> source;
            case "sex" -> sex;
            case "ageBand" -> ageBand();
            case "lastLevel" -> level;
            case "leavingReason" -> reason;
            case "solutionType" -> solutionType;
            case "perimeter" -> perimeter;
            default -> throw new IllegalArgumentException(dimension);
          };
      return v == null ? "UNKNOWN" : v;
    }
  }

  public static final List<String> PERIMETERS = List.of("LYON", "EST", "NORD");
  static final List<String> REASONS =
      List.of("Démission", "Abandon; absentéisme", "Exclusion", "Déménagement");
  static final LocalDate[] BOUNDARIES = {
    LocalDate.of(2021, 9, 1), LocalDate.of(2021, 12, 31), LocalDate.of(2022, 1, 1),
    LocalDate.of(2022, 3, 31), LocalDate.of(2022, 6, 30), LocalDate.of(2022, 8, 31),
    LocalDate.of(2022, 9, 1), LocalDate.of(2022, 9, 30), LocalDate.of(2022, 10, 1),
    LocalDate.of(2022, 12, 31), LocalDate.of(2023, 3, 31), LocalDate.of(2023, 4, 1),
    LocalDate.of(2023, 8, 31), LocalDate.of(2023, 9, 1), LocalDate.of(2023, 12, 31),
    LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 31), LocalDate.of(2024, 4, 1),
    LocalDate.of(2024, 6, 30), LocalDate.of(2024, 8, 31)
  };

  public final List<Case> cases = new ArrayList<>();

  /** The département shared by the integration tests (one context, one database per run). */
  public static final SyntheticDepartement SHARED =
      new SyntheticDepartement(20261129L, 900, 900_000_000L, "SYN-");

  /** Feeds {@link #SHARED} through the pathway's events, once per database. */
  public static void ensureSeeded(
      org.springframework.jdbc.core.JdbcTemplate jdbc,
      org.springframework.transaction.support.TransactionTemplate transactions,
      org.springframework.context.ApplicationEventPublisher events) {
    synchronized (SHARED) {
      Integer present =
          jdbc.queryForObject(
              "SELECT COUNT(*) FROM indicator_case_fact WHERE case_number LIKE 'SYN-%'",
              Integer.class);
      if (present == 0) {
        transactions.executeWithoutResult(tx -> SHARED.replay(events::publishEvent));
      }
    }
  }

  /** {@code count} cases from {@code seed}; person and case numbers start at {@code base}. */
  public SyntheticDepartement(long seed, int count, long base, String prefix) {
    Random r = new Random(seed);
    LocalDate from = LocalDate.of(2021, 9, 1);
    int span = (int) ChronoUnit.DAYS.between(from, LocalDate.of(2024, 8, 31)) + 1;
    for (int i = 0; i < count; i++) {
      long person = i > 10 && r.nextInt(100) < 6 ? cases.get(r.nextInt(i)).personId() : base + i;
      String perimeter = PERIMETERS.get(r.nextInt(10) < 5 ? 0 : 1 + r.nextInt(2));
      LocalDate leaving =
          r.nextInt(100) < 20
              ? BOUNDARIES[r.nextInt(BOUNDARIES.length)]
              : r.nextInt(100) < 3 ? null : from.plusDays(r.nextInt(span));
      boolean self = r.nextInt(100) < 8;
      LocalDate detected =
          (leaving == null ? from.plusDays(r.nextInt(span)) : leaving).plusDays(r.nextInt(60));
      LocalDate contact = null;
      LocalDate taken = null;
      LocalDate retaken = null;
      Boolean inSolution = null;
      String solutionType = null;
      ClosureReason closure = null;
      int fate = r.nextInt(100);
      if (fate < 70) {
        contact =
            r.nextInt(100) < 10
                ? BOUNDARIES[r.nextInt(BOUNDARIES.length)]
                : detected.plusDays(r.nextInt(45));
        if (r.nextInt(100) < 65) {
          taken = contact.plusDays(r.nextInt(50));
          if (r.nextInt(100) < 10) {
            retaken = taken.plusDays(100 + r.nextInt(60));
          }
        }
        if (r.nextInt(100) < 75) {
          inSolution = r.nextInt(100) < 60;
          solutionType =
              inSolution
                  ? SolutionType.values()[r.nextInt(SolutionType.values().length)].name()
                  : null;
          closure =
              inSolution
                  ? ClosureReason.SOLUTION_CONFIRMED
                  : ClosureReason.NO_SOLUTION_AFTER_ONE_YEAR;
        } else if (r.nextInt(100) < 40) {
          closure = r.nextBoolean() ? ClosureReason.REFUSED : ClosureReason.RETURNED_TO_TRAINING;
        }
      } else if (fate < 78) {
        taken = detected.plusDays(r.nextInt(20)); // already followed by a partner
      } else if (fate < 86) {
        closure = r.nextBoolean() ? ClosureReason.NOT_ELIGIBLE : ClosureReason.FALSE_DETECTION;
      } else if (fate < 92) {
        closure = ClosureReason.UNREACHABLE;
      }
      String finalPerimeter =
          r.nextInt(100) < 7 ? PERIMETERS.get((PERIMETERS.indexOf(perimeter) + 1) % 3) : perimeter;
      String source =
          self
              ? "SELF_REFERRAL"
              : LeaverSource.values()[r.nextInt(LeaverSource.values().length)].name();
      int ageRoll = r.nextInt(100);
      Integer age =
          ageRoll < 3
              ? null
              : ageRoll < 6 ? 15 : ageRoll < 9 ? 26 + r.nextInt(3) : 16 + r.nextInt(10);
      cases.add(
          new Case(
              prefix + String.format("%06d", i),
              person,
              finalPerimeter,
              perimeter,
              source,
              r.nextInt(100) < 5 ? null : r.nextBoolean() ? "F" : "M",
              age,
              SchoolLevel.values()[r.nextInt(SchoolLevel.values().length)].name(),
              r.nextInt(100) < 10 ? null : REASONS.get(r.nextInt(REASONS.size())),
              leaving,
              detected,
              contact,
              taken,
              retaken,
              inSolution,
              solutionType,
              closure));
    }
  }

  /** Replays every case as the pathway publishes it: registration, then milestones. */
  public void replay(Consumer<Object> publish) {
    for (Case c : cases) {
      publish.accept(
          new CaseRegistered(
              c.caseNumber(),
              c.personId(),
              c.initialPerimeter(),
              c.source().equals("SELF_REFERRAL") ? CaseOrigin.SELF_REFERRAL : CaseOrigin.IMPORT,
              c.source().equals("SELF_REFERRAL") ? null : LeaverSource.valueOf(c.source()),
              c.sex(),
              c.age(),
              SchoolLevel.valueOf(c.level()),
              c.reason(),
              c.leaving(),
              c.detected()));
      String p = c.initialPerimeter();
      publish.accept(milestone(c, Milestone.DETECTED, c.detected(), p, null, null, null));
      if (c.firstContact() != null) {
        publish.accept(
            milestone(c, Milestone.FIRST_CONTACT, c.firstContact(), p, null, null, null));
      }
      if (!c.perimeter().equals(p)) {
        p = c.perimeter();
        publish.accept(milestone(c, Milestone.TRANSFERRED, c.detected(), p, null, null, null));
      }
      if (c.takenInCharge() != null) {
        publish.accept(milestone(c, Milestone.ORIENTED, c.takenInCharge(), p, null, null, null));
        publish.accept(
            milestone(c, Milestone.TAKEN_IN_CHARGE, c.takenInCharge(), p, null, null, null));
      }
      if (c.retakenInCharge() != null) {
        publish.accept(
            milestone(c, Milestone.TAKEN_IN_CHARGE, c.retakenInCharge(), p, null, null, null));
      }
      if (c.inSolution() != null) {
        publish.accept(
            milestone(
                c,
                Milestone.ONE_YEAR_CHECK,
                c.firstContact().plusYears(1),
                p,
                c.solutionType() == null ? null : SolutionType.valueOf(c.solutionType()),
                c.inSolution(),
                null));
      }
      if (c.closure() != null) {
        publish.accept(milestone(c, Milestone.CLOSED, c.detected(), p, null, null, c.closure()));
      }
    }
  }

  private static MilestoneReached milestone(
      Case c,
      Milestone m,
      LocalDate on,
      String perimeter,
      SolutionType type,
      Boolean inSolution,
      ClosureReason closure) {
    return new MilestoneReached(c.caseNumber(), m, on, perimeter, null, type, inSolution, closure);
  }

  // ---- expected figures, independently

  /** Expected counts of one scope. */
  public record Expected(
      long leavers,
      long takenInCharge,
      long oneYearCohort,
      long solutionAfterOneYear,
      Double medianDaysToFirstContact,
      Double medianDaysToTakenInCharge) {}

  public Expected expected(String schoolYear, String quarter, Predicate<Case> scope) {
    int sy = Integer.parseInt(schoolYear.substring(0, 4));
    LocalDate syStart = LocalDate.of(sy, 9, 1);
    LocalDate syEnd = LocalDate.of(sy + 1, 8, 31);
    int qy = Integer.parseInt(quarter.substring(0, 4));
    int qn = quarter.charAt(6) - '0';
    LocalDate qStart = LocalDate.of(qy, 3 * qn - 2, 1);
    LocalDate qEnd = qStart.plusMonths(3).minusDays(1);
    LocalDate leavingTo = qEnd.isBefore(syEnd) ? qEnd : syEnd;
    List<Case> inScope = cases.stream().filter(Case::inScope).filter(scope).toList();
    List<Case> leavers =
        inScope.stream()
            .filter(
                c ->
                    c.leaving() != null
                        && !c.leaving().isBefore(syStart)
                        && !c.leaving().isAfter(leavingTo))
            .toList();
    List<Case> taken =
        leavers.stream()
            .filter(c -> c.takenInCharge() != null && !c.takenInCharge().isAfter(qEnd))
            .toList();
    // I3: first contact + 1 year falls in the quarter (2024-02-29 + 1 year = 2025-02-28).
    List<Case> cohort =
        inScope.stream()
            .filter(
                c ->
                    c.firstContact() != null
                        && !c.firstContact().plusYears(1).isBefore(qStart)
                        && !c.firstContact().plusYears(1).isAfter(qEnd))
            .toList();
    List<Case> solution = cohort.stream().filter(c -> Boolean.TRUE.equals(c.inSolution())).toList();
    List<Long> toContact =
        leavers.stream()
            .filter(c -> c.firstContact() != null && !c.firstContact().isAfter(qEnd))
            .map(c -> ChronoUnit.DAYS.between(c.detected(), c.firstContact()))
            .toList();
    List<Long> toTaken =
        taken.stream()
            .filter(c -> c.firstContact() != null)
            .map(c -> ChronoUnit.DAYS.between(c.firstContact(), c.takenInCharge()))
            .toList();
    return new Expected(
        persons(leavers),
        persons(taken),
        persons(cohort),
        persons(solution),
        median(toContact),
        median(toTaken));
  }

  /** Expected rows of a breakdown: code → counts. */
  public Map<String, Expected> expectedBreakdown(
      String schoolYear, String quarter, Predicate<Case> scope, String dimension) {
    Set<String> codes = new HashSet<>();
    cases.forEach(c -> codes.add(c.code(dimension)));
    Map<String, Expected> out = new TreeMap<>();
    for (String code : codes) {
      Expected e = expected(schoolYear, quarter, scope.and(c -> c.code(dimension).equals(code)));
      boolean relevant =
          dimension.equals("solutionType")
              ? e.solutionAfterOneYear() > 0
              : e.leavers() + e.oneYearCohort() > 0;
      if (relevant) {
        out.put(code, e);
      }
    }
    return out;
  }

  static long persons(List<Case> cases) {
    return cases.stream().map(Case::personId).distinct().count();
  }

  static Double median(List<Long> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Long> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }

  static <T> Map<String, List<T>> group(List<T> list, Function<T, String> key) {
    return list.stream()
        .collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toList()));
  }

  static Comparator<Case> byNumber() {
    return Comparator.comparing(Case::caseNumber);
  }

  static boolean same(Object a, Object b) {
    return Objects.equals(a, b);
  }
}
