package fr.raccroche.pathway.internal;

/** Edit distance between folded name keys, to find near matches worth a human look. */
final class Similarity {
  private Similarity() {}

  /** Levenshtein distance, giving up (returning max + 1) once it exceeds {@code max}. */
  static int distance(String a, String b, int max) {
    if (Math.abs(a.length() - b.length()) > max) {
      return max + 1;
    }
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      int rowMin = current[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
        rowMin = Math.min(rowMin, current[j]);
      }
      if (rowMin > max) {
        return max + 1;
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
