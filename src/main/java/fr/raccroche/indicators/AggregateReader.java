package fr.raccroche.indicators;

import fr.raccroche.indicators.internal.ReportAssembler;
import fr.raccroche.indicators.internal.SmallCounts;
import fr.raccroche.indicators.internal.Viewer;
import java.util.Set;
import org.springframework.security.core.Authentication;

/**
 * Who reads aggregates, and how, by the indicators' own rules, for the other modules' aggregate
 * pages (the territorial diagnosis): the scope of {@link Viewer} (administrators, supervisors and
 * the prefecture every perimeter; a coordinator their own perimeters only, another one refused;
 * anyone else no perimeter at all) and the small-count rule of the prefecture's reports ({@link
 * SmallCounts}, threshold {@code raccroche.indicators.small-count-threshold}). Obtained from {@link
 * IndicatorService#reader(Authentication)}.
 */
public final class AggregateReader {
  private final Viewer viewer;
  private final int threshold;
  private final boolean mask;
  private final java.util.function.Function<String, java.util.Optional<String>> departementOf;

  AggregateReader(
      Viewer viewer,
      int threshold,
      boolean mask,
      java.util.function.Function<String, java.util.Optional<String>> departementOf) {
    this.viewer = viewer;
    this.threshold = threshold;
    this.mask = mask;
    this.departementOf = departementOf;
  }

  /**
   * The same reader with its small counts masked or not (e.g. a coordinator reading their own
   * perimeter's diagnosis, whose cases they see one by one anyway).
   */
  public AggregateReader masking(boolean masked) {
    return new AggregateReader(viewer, threshold, masked, departementOf);
  }

  /**
   * Whether the indicators mask this reader's small counts (all but administrators, supervisors).
   */
  public boolean maskedByDefault() {
    return viewer.mask();
  }

  public boolean masked() {
    return mask;
  }

  public int threshold() {
    return threshold;
  }

  /** The perimeters this reader may read; null for every one. */
  public Set<String> perimeters() {
    return viewer.perimeters();
  }

  /**
   * Whether the reader may read this perimeter's aggregates: a coordinator their own perimeters,
   * the others the perimeters of their département(s).
   */
  public boolean reads(String perimeter) {
    if (viewer.perimeters() != null) {
      return viewer.perimeters().contains(perimeter);
    }
    return viewer.departements() == null
        || departementOf.apply(perimeter).map(viewer.departements()::contains).orElse(true);
  }

  /** Whether the reader coordinates this perimeter. */
  public boolean coordinates(String perimeter) {
    return viewer.perimeters() != null && viewer.perimeters().contains(perimeter);
  }

  /**
   * The perimeter asked for, once allowed ({@link Viewer#scope}): null for the département or the
   * reader's only perimeter by default; a perimeter out of a coordinator's scope refused ({@link
   * org.springframework.security.access.AccessDeniedException}).
   */
  public String scope(String requested) {
    String scope = viewer.scope(requested);
    if (scope != null && !reads(scope)) {
      throw new org.springframework.security.access.AccessDeniedException(
          "Perimeter of another département");
    }
    return scope;
  }

  /** A count on its own: the primary rule. */
  public Figure count(long value) {
    return new ReportAssembler(mask, threshold).count(value);
  }

  /** One column of a table whose total is shown: primary and secondary rules. */
  public Figure[] column(long... values) {
    boolean[] masked = mask ? SmallCounts.mask(values, threshold) : new boolean[values.length];
    Figure[] out = new Figure[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = masked[i] ? Figure.maskedCount(threshold) : Figure.count(values[i]);
    }
    return out;
  }

  /**
   * A rate or a median computed from counts: masked when any of them is (as the indicators' rates
   * and delays are), else the value (one decimal; null: nothing to show).
   */
  public Figure derived(Double value, Figure... basis) {
    for (Figure b : basis) {
      if (b == null || b.masked()) {
        return Figure.maskedDecimal();
      }
    }
    return Figure.decimal(value);
  }
}
