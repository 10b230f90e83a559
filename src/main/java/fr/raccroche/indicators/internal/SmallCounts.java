package fr.raccroche.indicators.internal;

/**
 * The small-count rule of the prefecture's reports. Primary: a count from 1 to threshold − 1 is
 * masked (0 is shown: it reveals nobody). Secondary, within one column of a table whose total is
 * shown: when exactly one cell is masked, the smallest other non-zero cell is masked too, so that
 * the total minus the visible cells does not give the masked one back.
 */
public final class SmallCounts {
  private SmallCounts() {}

  public static boolean isSmall(long value, int threshold) {
    return value > 0 && value < threshold;
  }

  /** Which cells of one column to mask. */
  public static boolean[] mask(long[] column, int threshold) {
    boolean[] masked = new boolean[column.length];
    int count = 0;
    for (int i = 0; i < column.length; i++) {
      if (isSmall(column[i], threshold)) {
        masked[i] = true;
        count++;
      }
    }
    if (count == 1) {
      int smallest = -1;
      for (int i = 0; i < column.length; i++) {
        if (!masked[i] && column[i] > 0 && (smallest < 0 || column[i] < column[smallest])) {
          smallest = i;
        }
      }
      if (smallest >= 0) {
        masked[smallest] = true;
      }
    }
    return masked;
  }
}
