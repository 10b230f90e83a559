package fr.raccroche.detection;

/**
 * Cells of the CSV files the app writes: quoted when needed, and a value a spreadsheet would run as
 * a formula (starting with =, +, -, @, tab or carriage return) gets a leading apostrophe.
 */
public final class CsvOutput {
  private CsvOutput() {}

  public static String cell(String value) {
    if (value == null) {
      return "";
    }
    String v = value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(";")
        || v.contains("\"")
        || v.contains("\n")
        || v.contains("\r")
        || v.contains(",")) {
      v = "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }
}
