package fr.raccroche.coordination.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Lists of codes stored as one comma-separated column (small lists of known codes). */
final class CodeList {
  private CodeList() {}

  static String join(List<?> values) {
    if (values == null || values.isEmpty()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    values.forEach(v -> parts.add(v instanceof Enum<?> e ? e.name() : String.valueOf(v)));
    return String.join(",", parts);
  }

  static List<String> split(String column) {
    if (column == null || column.isBlank()) {
      return List.of();
    }
    return Arrays.stream(column.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  static <E extends Enum<E>> List<E> split(String column, Class<E> type) {
    return split(column).stream().map(s -> Enum.valueOf(type, s)).toList();
  }
}
