package fr.raccroche.detection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.raccroche.detection.ImportKind;
import fr.raccroche.detection.internal.ParsedRow.Outcome;
import fr.raccroche.detection.tools.LeaverFileGenerator;
import fr.raccroche.detection.tools.LeaverFileGenerator.Options;
import fr.raccroche.detection.tools.LeaverFileGenerator.Source;
import fr.raccroche.detection.tools.LeaverFileGenerator.Summary;
import fr.raccroche.pathway.Names;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The synthetic source files: deterministic, realistic enough for every source's habits to go
 * through {@link CsvFile} and {@link LeaverRowParser}, and large enough to show that reading
 * streams.
 */
class LeaverFileGeneratorTest {
  private static final LocalDate TODAY = LocalDate.of(2025, 6, 30);
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  @TempDir Path dir;

  @Test
  void theSameSeedGivesTheSameBytes() throws Exception {
    Options options =
        Options.of(5_000, 42).withToday(TODAY).withEncoding(WINDOWS_1252).withCrlf(true);
    Path first = dir.resolve("first.csv");
    Path second = dir.resolve("second.csv");
    Path otherSeed = dir.resolve("other.csv");

    LeaverFileGenerator.generate(first, options);
    LeaverFileGenerator.generate(second, options);
    LeaverFileGenerator.generate(otherSeed, Options.of(5_000, 43).withToday(TODAY));

    assertThat(Files.mismatch(first, second)).isEqualTo(-1);
    assertThat(Files.mismatch(first, otherSeed)).isNotEqualTo(-1);
  }

  static Stream<Arguments> formats() {
    return Stream.of(Source.values())
        .flatMap(
            source ->
                Stream.of(
                    Arguments.of(source, StandardCharsets.UTF_8, ';'),
                    Arguments.of(source, WINDOWS_1252, ',')));
  }

  @ParameterizedTest
  @MethodSource("formats")
  void everySourceAndFormatReadsBackWithTheExpectedOutcomes(
      Source source, Charset encoding, char delimiter) throws Exception {
    Path file = dir.resolve(source + ".csv");
    Options options =
        Options.of(3_000, 7)
            .withToday(TODAY)
            .withSource(source)
            .withEncoding(encoding)
            .withDelimiter(delimiter)
            .withBadShare(0.05)
            .withCrlf(encoding != StandardCharsets.UTF_8);

    Summary summary = LeaverFileGenerator.generate(file, options);
    Counted counted = readBack(file);

    assertThat(counted.charset).isEqualTo(encoding);
    assertThat(counted.delimiter).isEqualTo(delimiter);
    assertThat(counted.warnings).isEmpty();
    assertThat(counted.outcomes)
        .containsEntry(Outcome.VALID, summary.valid())
        .containsEntry(Outcome.REJECTED, summary.bad())
        .containsEntry(Outcome.EXCLUDED, summary.underage() + summary.diplomaHolders());
    assertThat(summary.bad()).isPositive();
    assertThat(summary.underage()).isPositive();
    assertThat(summary.diplomaHolders()).isPositive();
  }

  @Test
  void sourcesGeneratedWithTheSameSeedShareTheOverlapShareOfTheirPeople() throws Exception {
    Options options = Options.of(10_000, 11).withToday(TODAY).withOverlapShare(0.1);
    Path en = dir.resolve("en.csv");
    Path missionLocale = dir.resolve("ml.csv");
    Summary summary = LeaverFileGenerator.generate(en, options);
    LeaverFileGenerator.generate(missionLocale, options.withSource(Source.MISSION_LOCALE));

    // Matching without INE (docs/specification.md §2 Detection): folded names and birth date.
    Set<String> inEn = people(en);
    Set<String> inBoth = people(missionLocale);
    inBoth.retainAll(inEn);

    assertThat(summary.shared()).isBetween(900L, 1_100L);
    // Shared people that one of the two files excluded or rejected are missing from the valid
    // rows; a few distinct people share names and birth date by chance.
    assertThat((long) inBoth.size()).isBetween(summary.shared() * 85 / 100, summary.shared() + 20);
  }

  @Test
  void streams200000RowsThroughTheReaderAndTheParser() throws Exception {
    Path file = dir.resolve("large.csv");
    long start = System.nanoTime();
    Summary summary =
        LeaverFileGenerator.generate(file, Options.of(200_000, 2025).withToday(TODAY));
    double generated = (System.nanoTime() - start) / 1e9;

    start = System.nanoTime();
    Counted counted = readBack(file);
    double read = (System.nanoTime() - start) / 1e9;

    assertThat(counted.outcomes.values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(200_000);
    assertThat(counted.outcomes)
        .containsEntry(Outcome.VALID, summary.valid())
        .containsEntry(Outcome.REJECTED, summary.bad())
        .containsEntry(Outcome.EXCLUDED, summary.underage() + summary.diplomaHolders());
    assertThat(counted.bytesRead).isEqualTo(summary.bytes());
    System.out.printf(
        Locale.ROOT,
        "200000 rows (%.1f MB): generated in %.2f s; read and parsed in %.2f s = %.0f rows/s"
            + " (valid %d, rejected %d, excluded %d)%n",
        summary.bytes() / 1e6,
        generated,
        read,
        200_000 / read,
        counted.outcomes.get(Outcome.VALID),
        counted.outcomes.get(Outcome.REJECTED),
        counted.outcomes.get(Outcome.EXCLUDED));
  }

  // ---- helpers

  private record Counted(
      Charset charset,
      char delimiter,
      java.util.List<String> warnings,
      Map<Outcome, Long> outcomes,
      long bytesRead) {}

  private static Counted readBack(Path file) throws Exception {
    Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
    for (Outcome o : Outcome.values()) {
      outcomes.put(o, 0L);
    }
    try (CsvFile csv = CsvFile.open(file)) {
      LeaverRowParser parser = new LeaverRowParser(csv.header(), ImportKind.LEAVERS, TODAY);
      for (ListRecord r = csv.next(); r != null; r = csv.next()) {
        outcomes.merge(parser.parse(r).outcome(), 1L, Long::sum);
      }
      return new Counted(
          csv.charset(), csv.delimiter(), parser.warnings(), outcomes, csv.bytesRead());
    }
  }

  private static Set<String> people(Path file) throws Exception {
    Set<String> people = new HashSet<>();
    try (CsvFile csv = CsvFile.open(file)) {
      LeaverRowParser parser = new LeaverRowParser(csv.header(), ImportKind.LEAVERS, TODAY);
      for (ListRecord r = csv.next(); r != null; r = csv.next()) {
        ParsedRow parsed = parser.parse(r);
        if (parsed.outcome() == Outcome.VALID) {
          LeaverRow row = parsed.row();
          people.add(Names.key(row.lastName(), row.firstName()) + "|" + row.birthDate());
        }
      }
    }
    return people;
  }
}
