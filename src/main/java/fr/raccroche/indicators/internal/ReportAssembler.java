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
      out.put(
          dimension,
          new Breakdown(
              TITLES.get(dimension),
              lines(rows, code -> label(dimension, code), dimension.equals("solutionType"))));
    }
    return out;
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
