package fr.raccroche.shared;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The table and columns of a JPA entity as its annotations name them ({@code @Table}, one
 * {@code @Column} per persistent field), and each entity's values as one line of PostgreSQL's
 * {@code COPY} text format. Only what the app's bulk-loaded entities use: strings, numbers,
 * booleans, dates, instants and enums stored by name; anything else is refused when the entity's
 * columns are first read, not written wrongly.
 */
final class EntityColumns {
  private static final Map<Class<?>, EntityColumns> KNOWN = new ConcurrentHashMap<>();

  private final String copyStatement;
  private final List<Field> fields;

  private EntityColumns(String table, List<String> columns, List<Field> fields) {
    this.copyStatement = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
    this.fields = fields;
  }

  static EntityColumns of(Class<?> type) {
    return KNOWN.computeIfAbsent(type, EntityColumns::read);
  }

  private static EntityColumns read(Class<?> type) {
    Table table = type.getAnnotation(Table.class);
    if (table == null || table.name().isBlank()) {
      throw new IllegalArgumentException(type.getName() + " names no table");
    }
    List<String> columns = new ArrayList<>();
    List<Field> fields = new ArrayList<>();
    for (Field f : type.getDeclaredFields()) {
      int modifiers = f.getModifiers();
      if (Modifier.isStatic(modifiers)
          || Modifier.isTransient(modifiers)
          || f.isAnnotationPresent(Transient.class)) {
        continue;
      }
      Column column = f.getAnnotation(Column.class);
      if (column == null || column.name().isBlank()) {
        throw new IllegalArgumentException(
            type.getName() + "." + f.getName() + " has no named column");
      }
      Class<?> t = f.getType();
      boolean supported =
          t == String.class
              || t == Long.class
              || t == long.class
              || t == Integer.class
              || t == int.class
              || t == Boolean.class
              || t == boolean.class
              || t == LocalDate.class
              || t == Instant.class
              || (t.isEnum()
                  && f.isAnnotationPresent(Enumerated.class)
                  && f.getAnnotation(Enumerated.class).value() == EnumType.STRING);
      if (!supported) {
        throw new IllegalArgumentException(
            type.getName() + "." + f.getName() + ": type " + t.getName() + " not supported");
      }
      f.setAccessible(true);
      columns.add(column.name());
      fields.add(f);
    }
    return new EntityColumns(table.name(), columns, fields);
  }

  String copyStatement() {
    return copyStatement;
  }

  /** Appends the entity's values, tab-separated, {@code \N} for null, and a line feed. */
  void appendCopyLine(Object entity, StringBuilder line) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        line.append('\t');
      }
      Object value;
      try {
        value = fields.get(i).get(entity);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
      appendValue(value, line);
    }
    line.append('\n');
  }

  static void appendValue(Object value, StringBuilder line) {
    if (value == null) {
      line.append("\\N");
    } else if (value instanceof String s) {
      appendEscaped(s, line);
    } else if (value instanceof Enum<?> e) {
      appendEscaped(e.name(), line);
    } else if (value instanceof Boolean b) {
      line.append(b ? 't' : 'f');
    } else {
      // numbers; dates as yyyy-MM-dd; instants in ISO 8601 with their Z (timestamptz columns)
      line.append(value);
    }
  }

  private static void appendEscaped(String s, StringBuilder line) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> line.append("\\\\");
        case '\t' -> line.append("\\t");
        case '\n' -> line.append("\\n");
        case '\r' -> line.append("\\r");
        default -> line.append(c);
      }
    }
  }
}
