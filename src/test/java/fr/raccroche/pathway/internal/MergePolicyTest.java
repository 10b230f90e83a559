package fr.raccroche.pathway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.raccroche.pathway.PersonDetails;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** What a list may complete and what a signalement may replace on a known record. */
class MergePolicyTest {
  static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

  static YoungPersonEntity stored() {
    YoungPersonEntity e = new YoungPersonEntity();
    e.setLastName("Lefèvre");
    e.setFirstName("Léa");
    e.setBirthDate(LocalDate.of(2008, 3, 14));
    e.setAddress("1 rue de la Paix");
    e.setPostalCode("69003");
    e.setCommuneCode("69383");
    e.setCommuneName("Lyon");
    e.setPhone("0611111111");
    return e;
  }

  static PersonDetails given(
      String ine, String address, String postal, String phone, String email) {
    return new PersonDetails(
        ine,
        "LEFEVRE",
        "Lea",
        "F",
        LocalDate.of(2008, 3, 14),
        address,
        postal,
        postal == null ? null : "69266",
        postal == null ? null : "Villeurbanne",
        phone,
        email,
        null,
        null);
  }

  @Test
  void aListCompletesWhatIsMissingAndNeverOverwrites() {
    YoungPersonEntity e = stored();
    boolean changed =
        MergePolicy.COMPLETE.apply(
            e, given("1234567890A", "9 rue Neuve", "69100", "0622222222", "lea@example.org"), NOW);
    assertThat(changed).isTrue();
    assertThat(e.getIne()).isEqualTo("1234567890A");
    assertThat(e.getSex()).isEqualTo("F");
    assertThat(e.getEmail()).isEqualTo("lea@example.org");
    assertThat(e.getPhone()).isEqualTo("0611111111");
    assertThat(e.getAddress()).isEqualTo("1 rue de la Paix");
    assertThat(e.getCommuneName()).isEqualTo("Lyon");
    assertThat(e.getLastName()).isEqualTo("Lefèvre");
    assertThat(e.getUpdatedAt()).isEqualTo(NOW);
  }

  @Test
  void aSignalementReplacesTheContactDetailsItGivesAndTheAddressAsABlock() {
    YoungPersonEntity e = stored();
    MergePolicy.REPLACE_CONTACT_DETAILS.apply(
        e, given(null, "9 rue Neuve", "69100", "0622222222", null), NOW);
    assertThat(e.getPhone()).isEqualTo("0622222222");
    assertThat(e.getAddress()).isEqualTo("9 rue Neuve");
    assertThat(e.getPostalCode()).isEqualTo("69100");
    assertThat(e.getCommuneCode()).isEqualTo("69266");
    assertThat(e.getCommuneName()).isEqualTo("Villeurbanne");
    assertThat(e.getFirstName()).isEqualTo("Léa");
  }

  @Test
  void aNewCommuneWithoutAStreetClearsTheOldStreet() {
    YoungPersonEntity e = stored();
    MergePolicy.REPLACE_CONTACT_DETAILS.apply(e, given(null, null, "69100", null, null), NOW);
    assertThat(e.getAddress()).isNull();
    assertThat(e.getPostalCode()).isEqualTo("69100");
    assertThat(e.getCommuneName()).isEqualTo("Villeurbanne");
    YoungPersonEntity same = stored();
    boolean changed =
        MergePolicy.REPLACE_CONTACT_DETAILS.apply(
            same,
            new PersonDetails(
                null,
                "Lefèvre",
                "Léa",
                null,
                same.getBirthDate(),
                null,
                "69003",
                "69383",
                "Lyon",
                null,
                null,
                null,
                null),
            NOW);
    assertThat(changed).as("the same place keeps the street").isFalse();
    assertThat(same.getAddress()).isEqualTo("1 rue de la Paix");
  }

  @Test
  void blankFieldsChangeNothingAndAnIneIsNeverReplaced() {
    YoungPersonEntity e = stored();
    e.setIne("1234567890A");
    e.setSex("F");
    boolean changed =
        MergePolicy.REPLACE_CONTACT_DETAILS.apply(
            e, given("0987654321B", null, null, null, null), NOW);
    assertThat(changed).isFalse();
    assertThat(e.getIne()).isEqualTo("1234567890A");
    assertThat(e.getPhone()).isEqualTo("0611111111");
    assertThat(e.getAddress()).isEqualTo("1 rue de la Paix");
    assertThat(e.getUpdatedAt()).isNull();
  }
}
