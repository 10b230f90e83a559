package fr.raccroche.indicators.internal;

import fr.raccroche.indicators.Figure;
import fr.raccroche.indicators.IndicatorFigures;
import fr.raccroche.indicators.IndicatorFigures.Counts;
import fr.raccroche.indicators.IndicatorFigures.Delays;
import fr.raccroche.indicators.IndicatorFigures.Row;
import fr.raccroche.indicators.IndicatorReport.Breakdown;
import fr.raccroche.indicators.IndicatorReport.DelaysView;
import fr.raccroche.indicators.IndicatorReport.Line;
import fr.raccroche.indicators.IndicatorReport.ObjectiveView;
import fr.raccroche.indicators.Objective;
import fr.raccroche.pathway.LeaverSource;
import fr.raccroche.pathway.SchoolLevel;
import fr.raccroche.pathway.SolutionType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Turns raw figures into what a reader sees: French labels, rates, objectives, and — for the
 * prefecture — small counts masked ({@link SmallCounts}); a rate, a gap to an objective or a median
 * computed from a masked count is masked too. Pure: no database, no Spring.
 */
public final class ReportAssembler {
  private final boolean mask;
  private final int threshold;

  public ReportAssembler(boolean mask, int threshold) {
    this.mask = mask;
    this.threshold = threshold;
  }

  public static final Map<String, String> TITLES =
      Map.of(
          "source", "Liste source",
          "sex", "Sexe",
          "ageBand", "Tranche d'âge à la sortie",
          "lastLevel", "Dernier niveau atteint",
          "leavingReason", "Motif de sortie",
          "solutionType", "Type de solution à un an (I3)");

  /** A total (not part of a table): primary rule only. */
  public Figure count(long value) {
    return mask && SmallCounts.isSmall(value, threshold)
        ? Figure.maskedCount(threshold)
        : Figure.count(value);
  }

  /** A rate in percent, masked when either count is. */
  public static Figure rate(Figure numerator, Figure denominator) {
    if (numerator.masked() || denominator.masked()) {
      return Figure.maskedDecimal();
    }
    long d = denominator.longValue();
    return d == 0 ? Figure.decimal(null) : Figure.decimal(100.0 * numerator.longValue() / d);
  }

  public DelaysView delays(Delays d) {
    if (d == null) {
      return null;
    }
    Figure contacted = count(d.contactedCases());
    Figure taken = count(d.takenInChargeCases());
    return new DelaysView(
        contacted,
        contacted.masked() ? Figure.maskedDecimal() : Figure.decimal(d.medianDaysToFirstContact()),
        taken,
        taken.masked() ? Figure.maskedDecimal() : Figure.decimal(d.medianDaysToTakenInCharge()));
  }

  /** A table: each column masked by the primary and secondary rules. */
  public List<Line> lines(List<Row> rows, Function<String, String> labels, boolean solutionOnly) {
    boolean[] leavers = column(rows, r -> r.counts().leavers());
    boolean[] taken = column(rows, r -> r.counts().takenInCharge());
    boolean[] cohort = column(rows, r -> r.counts().oneYearCohort());
    boolean[] solution = column(rows, r -> r.counts().solutionAfterOneYear());
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      Counts c = r.counts();
      Figure s = cell(c.solutionAfterOneYear(), solution[i]);
      if (solutionOnly) {
        lines.add(
            new Line(r.code(), labels.apply(r.code()), null, null, null, null, s, null, null));
        continue;
      }
      Figure l = cell(c.leavers(), leavers[i]);
      Figure t = cell(c.takenInCharge(), taken[i]);
      Figure h = cell(c.oneYearCohort(), cohort[i]);
      lines.add(
          new Line(
              r.code(),
              labels.apply(r.code()),
              l,
              t,
              rate(t, l),
              h,
              s,
              rate(s, h),
              delays(r.delays())));
    }
    return lines;
  }

  private boolean[] column(List<Row> rows, ToLongFunction<Row> value) {
    long[] values = rows.stream().mapToLong(value).toArray();
    return mask ? SmallCounts.mask(values, threshold) : new boolean[values.length];
  }

  private Figure cell(long value, boolean masked) {
    return masked ? Figure.maskedCount(threshold) : Figure.count(value);
  }

  /** The breakdowns, titled and labelled in French. */
  public Map<String, Breakdown> breakdowns(IndicatorFigures f) {
    Map<String, Breakdown> out = new LinkedHashMap<>();
    for (String dimension : IndicatorFigures.DIMENSIONS) {
      List<Row> rows = f.breakdowns().getOrDefault(dimension, List.of());
      boolean solutionOnly = dimension.equals("solutionType");
      List<Line> lines = lines(rows, code -> label(dimension, code), solutionOnly);
      out.put(
          dimension,
          new Breakdown(TITLES.get(dimension), lines, footer(f.total(), lines, solutionOnly)));
    }
    return out;
  }

  /** French label of the row that makes a breakdown add up to its total. */
  public static final String MASKED_OR_OTHER = "Masqués / autres";

  /** French label of a breakdown's total row. */
  public static final String TOTAL = "Total";

  /**
   * "Masqués / autres" (when not zero) and "Total" below a breakdown: each column's total minus its
   * visible cells, so that the table adds up. It reveals nothing the total did not: the secondary
   * rule leaves at least two masked cells in a column, and total minus visible cells is what any
   * reader could compute. A masked total masks its remainder; a negative remainder (a young person
   * counted in two rows, e.g. two source lists) is shown as "–".
   */
  List<Line> footer(Counts total, List<Line> lines, boolean solutionOnly) {
    Figure leavers = count(total.leavers());
    Figure taken = count(total.takenInCharge());
    Figure cohort = count(total.oneYearCohort());
    Figure solution = count(total.solutionAfterOneYear());
    Figure restSolution = rest(solution, lines, Line::solutionAfterOneYear);
    Line totalLine;
    Line restLine;
    if (solutionOnly) {
      totalLine = new Line("TOTAL", TOTAL, null, null, null, null, solution, null, null);
      restLine =
          new Line("OTHER", MASKED_OR_OTHER, null, null, null, null, restSolution, null, null);
    } else {
      Figure restLeavers = rest(leavers, lines, Line::leavers);
      Figure restTaken = rest(taken, lines, Line::takenInCharge);
      Figure restCohort = rest(cohort, lines, Line::oneYearCohort);
      totalLine =
          new Line(
              "TOTAL",
              TOTAL,
              leavers,
              taken,
              rate(taken, leavers),
              cohort,
              solution,
              rate(solution, cohort),
              null);
      restLine =
          new Line(
              "OTHER",
              MASKED_OR_OTHER,
              restLeavers,
              restTaken,
              Figure.decimal(null),
              restCohort,
              restSolution,
              Figure.decimal(null),
              null);
    }
    boolean anyRest =
        java.util.stream.Stream.of(
                restLine.leavers(),
                restLine.takenInCharge(),
                restLine.oneYearCohort(),
                restLine.solutionAfterOneYear())
            .anyMatch(x -> x != null && (x.masked() || x.value() == null || x.longValue() != 0));
    return anyRest ? List.of(restLine, totalLine) : List.of(totalLine);
  }

  private Figure rest(Figure total, List<Line> lines, Function<Line, Figure> column) {
    if (total.masked()) {
      return Figure.maskedCount(threshold);
    }
    long visible = 0;
    for (Line l : lines) {
      Figure cell = column.apply(l);
      if (cell != null && !cell.masked()) {
        visible += cell.longValue();
      }
    }
    long rest = total.longValue() - visible;
    return rest < 0 ? Figure.decimal(null) : Figure.count(rest);
  }

  /** Each objective of the scope against its figure. */
  public List<ObjectiveView> objectives(
      List<Objective> objectives,
      Figure leavers,
      Figure taken,
      Figure takenRate,
      Figure solution,
      Figure solutionRate) {
    List<ObjectiveView> out = new ArrayList<>();
    for (Objective o : objectives) {
      boolean rate = o.kind() == Objective.Kind.RATE;
      Figure actual =
          switch (o.indicator()) {
            case LEAVERS -> leavers;
            case TAKEN_IN_CHARGE -> rate ? takenRate : taken;
            case SOLUTION_AFTER_ONE_YEAR -> rate ? solutionRate : solution;
          };
      String status;
      String statusLabel;
      Figure gap;
      if (actual.masked()) {
        status = "MASKED";
        statusLabel = "non communiqué (petit effectif)";
        gap = Figure.maskedDecimal();
      } else if (actual.value() == null) {
        status = "UNKNOWN";
        statusLabel = "non calculable";
        gap = Figure.decimal(null);
      } else {
        double difference = actual.value().doubleValue() - o.target().doubleValue();
        boolean reached = difference >= 0;
        status = reached ? "REACHED" : "NOT_REACHED";
        statusLabel = reached ? "atteint" : "non atteint";
        gap = Figure.decimal(difference);
      }
      out.add(
          new ObjectiveView(
              o.indicator().name(),
              o.indicator().label() + (rate ? " (taux, %)" : " (effectif)"),
              o.kind().name(),
              o.target(),
              actual,
              status,
              statusLabel,
              gap));
    }
    return out;
  }

  /** French label of a breakdown value. */
  public static String label(String dimension, String code) {
    if (code == null || code.equals("UNKNOWN")) {
      return "Non renseigné";
    }
    try {
      return switch (dimension) {
        case "source" ->
            code.equals("SELF_REFERRAL") ? "Signalement" : LeaverSource.valueOf(code).label();
        case "sex" -> code.equals("F") ? "Femmes" : code.equals("M") ? "Hommes" : code;
        case "ageBand" ->
            switch (code) {
              case AgeBands.B16_17 -> "16–17 ans";
              case AgeBands.B18_20 -> "18–20 ans";
              case AgeBands.B21_25 -> "21–25 ans";
              default -> "Autre âge";
            };
        case "lastLevel" -> SchoolLevel.valueOf(code).label();
        case "solutionType" -> SolutionType.valueOf(code).label();
        default -> code;
      };
    } catch (IllegalArgumentException e) {
      return code;
    }
  }

  /** Objectives of an indicator and kind, in the order shown. */
  public static List<Objective> sorted(List<Objective> objectives) {
    List<Objective> out = new ArrayList<>(objectives);
    out.sort(
        java.util.Comparator.comparing((Objective o) -> o.indicator().ordinal())
            .thenComparing(o -> o.kind().ordinal()));
    return out;
  }
}
