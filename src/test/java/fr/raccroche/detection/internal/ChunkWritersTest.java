package fr.raccroche.detection.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.raccroche.detection.internal.ChunkWriters.Chunk;
import fr.raccroche.detection.internal.ChunkWriters.Rejection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class ChunkWritersTest {
  private static final int CHUNK_ROWS = 10;

  /** What each writer thread received, in order. */
  private final Map<String, List<Chunk>> received = new ConcurrentHashMap<>();

  private ChunkWriters writers(int n) {
    return new ChunkWriters(
        "test",
        n,
        CHUNK_ROWS,
        chunk ->
            received
                .computeIfAbsent(Thread.currentThread().getName(), x -> new ArrayList<>())
                .add(chunk));
  }

  @Test
  void everyRowAndRefusedLineReachesExactlyOneWriterAndOneBirthDateOnlyOne() throws Exception {
    Random random = new Random(7);
    List<Long> lines = new ArrayList<>();
    try (ChunkWriters w = writers(2)) {
      for (long line = 2; line < 1_002; line++) {
        if (line % 50 == 0) {
          w.reject(new Rejection(line, "REJECTED", "Date de naissance invalide.", "x"), line * 10);
        } else {
          w.add(row(line, LocalDate.of(2008, 1, 1).plusDays(random.nextInt(200))), line * 10);
          lines.add(line);
        }
      }
      w.finish(10_020);
    }
    List<Long> written = new ArrayList<>();
    List<Long> refused = new ArrayList<>();
    Map<LocalDate, String> writerOfDate = new java.util.HashMap<>();
    received.forEach(
        (writer, chunks) ->
            chunks.forEach(
                c -> {
                  assertThat(c.rows()).hasSizeLessThanOrEqualTo(CHUNK_ROWS);
                  c.rejected().forEach(r -> refused.add(r.line()));
                  c.rows()
                      .forEach(
                          p -> {
                            written.add(p.row().line());
                            assertThat(writerOfDate.putIfAbsent(p.row().birthDate(), writer))
                                .isIn(null, writer);
                          });
                }));
    Collections.sort(written);
    assertThat(written).isEqualTo(lines);
    assertThat(refused).hasSize(20).doesNotHaveDuplicates();
    assertThat(received).hasSize(2);
  }

  @Test
  void aWriterGetsItsRowsSortedByBirthDateAndOneDatesRowsInFileOrder() throws Exception {
    Random random = new Random(11);
    try (ChunkWriters w = writers(1)) {
      for (long line = 2; line < 2 + CHUNK_ROWS * ChunkWriters.SORTED_CHUNKS; line++) {
        w.add(row(line, LocalDate.of(2009, 3, 1).plusDays(random.nextInt(30))), line * 100);
      }
      w.finish(1_000_000);
    }
    List<Chunk> chunks = received.get("test-0");
    assertThat(chunks).hasSize(ChunkWriters.SORTED_CHUNKS);
    List<LeaverRow> inOrder = new ArrayList<>();
    chunks.forEach(c -> c.rows().forEach(p -> inOrder.add(p.row())));
    for (int i = 1; i < inOrder.size(); i++) {
      LeaverRow before = inOrder.get(i - 1);
      LeaverRow after = inOrder.get(i);
      assertThat(after.birthDate()).isAfterOrEqualTo(before.birthDate());
      if (after.birthDate().equals(before.birthDate())) {
        assertThat(after.line()).isGreaterThan(before.line());
      }
    }
    // Each chunk covers a stretch of dates, not the whole month.
    Chunk first = chunks.get(0);
    assertThat(first.rows().get(first.rows().size() - 1).row().birthDate())
        .isBefore(chunks.get(chunks.size() - 1).rows().get(0).row().birthDate());
    // Progress moves chunk by chunk up to the bytes read.
    List<Long> bytes = chunks.stream().map(Chunk::bytesDone).toList();
    assertThat(bytes).isSorted().doesNotHaveDuplicates();
    assertThat(bytes.get(bytes.size() - 1))
        .isEqualTo(100L * (1 + CHUNK_ROWS * ChunkWriters.SORTED_CHUNKS));
  }

  @Test
  void aWritersFailureReachesTheReader() throws Exception {
    ChunkWriters w =
        new ChunkWriters(
            "failing",
            1,
            CHUNK_ROWS,
            chunk -> {
              throw new IllegalStateException("base indisponible");
            });
    try (w) {
      assertThatThrownBy(
              () -> {
                for (long line = 2; line < 10_000; line++) {
                  w.add(row(line, LocalDate.of(2008, 5, 5)), line);
                }
                w.finish(10_000);
              })
          .hasMessageContaining("base indisponible");
    }
  }

  private static ParsedRow row(long line, LocalDate birthDate) {
    return ParsedRow.valid(
        new LeaverRow(
            line,
            null,
            "Nom",
            "Prénom",
            "F",
            birthDate,
            null,
            null,
            null,
            "69123",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            LocalDate.of(2026, 6, 30),
            null,
            null,
            null,
            null,
            "hash-" + line));
  }
}
