package fr.raccroche.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class EntityColumnsTest {
  enum Kind {
    LEAVERS
  }

  @Table(name = "sample")
  static class Sample {
    @Id
    @Column(name = "id")
    Long id;

    @Column(name = "name")
    String name;

    @Column(name = "kind")
    @Enumerated(EnumType.STRING)
    Kind kind;

    @Column(name = "born")
    LocalDate born;

    @Column(name = "active")
    boolean active;

    @Column(name = "flag")
    Boolean flag;

    @Column(name = "at")
    Instant at;

    @Transient boolean fresh = true;
  }

  @Table(name = "by_ordinal")
  static class ByOrdinal {
    @Column(name = "kind")
    @Enumerated(EnumType.ORDINAL)
    Kind kind;
  }

  @Table(name = "decimal")
  static class WithDecimal {
    @Column(name = "amount")
    BigDecimal amount;
  }

  @Table(name = "unnamed")
  static class Unnamed {
    String name;
  }

  @Test
  void namesTheTableAndEveryPersistentColumnInOrder() {
    assertThat(EntityColumns.of(Sample.class).copyStatement())
        .isEqualTo("COPY sample (id, name, kind, born, active, flag, at) FROM STDIN");
  }

  @Test
  void writesOneCopyLineWithEscapesAndNulls() {
    Sample s = new Sample();
    s.id = 51L;
    s.name = "Zoé\tN'Diaye\\ =1+1\r\nligne";
    s.kind = Kind.LEAVERS;
    s.born = LocalDate.of(2008, 2, 29);
    s.active = true;
    s.at = Instant.parse("2026-11-30T01:02:03.456789Z");
    StringBuilder line = new StringBuilder();
    EntityColumns.of(Sample.class).appendCopyLine(s, line);
    assertThat(line.toString())
        .isEqualTo(
            "51\tZoé\\tN'Diaye\\\\ =1+1\\r\\nligne\tLEAVERS\t2008-02-29\tt\t\\N"
                + "\t2026-11-30T01:02:03.456789Z\n");
  }

  @Test
  void refusesWhatItCannotWriteFaithfully() {
    assertThatThrownBy(() -> EntityColumns.of(ByOrdinal.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kind");
    assertThatThrownBy(() -> EntityColumns.of(WithDecimal.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BigDecimal");
    assertThatThrownBy(() -> EntityColumns.of(Unnamed.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no named column");
  }
}
