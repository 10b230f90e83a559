package fr.raccroche.detection.internal;

import fr.raccroche.detection.ImportKind;
import fr.raccroche.detection.internal.LeaverRowParser.Column;
import fr.raccroche.pathway.LeaverSource;
import fr.raccroche.territory.OfficialCommunes;
import fr.raccroche.territory.RoutingTable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Opens an import's file and builds its row parser the same way for the check at upload, the dry
 * run and the import itself: the file's format told by its content, the source's header aliases,
 * the official commune list and the installation's département.
 */
@Component
public class ListReading {
  private final ColumnAliasRepository aliases;
  private final OfficialCommunes communes;
  private final String departement;

  ListReading(
      ColumnAliasRepository aliases,
      OfficialCommunes communes,
      @Value("${raccroche.departement}") String departement) {
    this.aliases = aliases;
    this.communes = communes;
    this.departement = departement;
  }

  /** A list file opened with its parser; closing it closes the file. */
  public record Opened(ListFile file, LeaverRowParser parser) implements AutoCloseable {
    @Override
    public void close() {
      file.close();
    }
  }

  /**
   * Opens the file and reads its header.
   *
   * @param sheet the workbook's sheet, null for the first
   * @param routing the perimeters' routing rules (a place they cover is never "hors département")
   * @throws UnreadableFileException the file cannot be read, or its header lacks a required column
   */
  public Opened open(
      Path file,
      String sheet,
      LeaverSource source,
      ImportKind kind,
      LocalDate today,
      RoutingTable routing)
      throws UnreadableFileException, IOException {
    String listDepartement = routing.departement() != null ? routing.departement() : departement;
    ColumnAliases columns = aliasesOf(listDepartement, source);
    ListFile list = ListFile.open(file, sheet, columns::score);
    try {
      LeaverRowParser parser =
          new LeaverRowParser(
              list.header(),
              kind,
              today,
              columns,
              new OfficialCommuneCheck(communes, routing, listDepartement));
      return new Opened(list, parser);
    } catch (UnreadableFileException | RuntimeException e) {
      list.close();
      throw e;
    }
  }

  /** The built-in aliases and those the département stored for the source. */
  public ColumnAliases aliasesOf(String departement, LeaverSource source) {
    return ColumnAliases.withSourceAliases(stored(departement, source));
  }

  /** The aliases a département stored for a source, by column, in their order. */
  public Map<Column, List<String>> stored(String departement, LeaverSource source) {
    Map<Column, List<String>> bySource = new EnumMap<>(Column.class);
    for (ColumnAliasEntity a :
        aliases.findByDepartementAndSourceOrderByColumnNameAscPositionAsc(departement, source)) {
      Column column = Column.byHeader(a.getColumnName());
      if (column != null) {
        bySource.computeIfAbsent(column, c -> new ArrayList<>()).add(a.getHeader());
      }
    }
    return bySource;
  }
}
