package fr.raccroche.detection;

import fr.raccroche.shared.CsvCells;

/**
 * Cells of the CSV files the detection module writes: the application's one writer, {@link
 * CsvCells}.
 */
public final class CsvOutput {
  private CsvOutput() {}

  public static String cell(String value) {
    return CsvCells.cell(value);
  }
}
