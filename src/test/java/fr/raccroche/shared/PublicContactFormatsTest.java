package fr.raccroche.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.raccroche.territory.TerritoryCodes;
import org.junit.jupiter.api.Test;

/** The formats data·inclusion asks for: E.164 telephones, OpenStreetMap hours, SIRET, addresses. */
class PublicContactFormatsTest {
  @Test
  void frenchNumbersBecomeE164WithTheirTerritorysCountryCode() {
    assertThat(PhoneNumbers.toE164("04 72 00 00 00")).contains("+33472000000");
    assertThat(PhoneNumbers.toE164("04.72.00.00.00")).contains("+33472000000");
    assertThat(PhoneNumbers.toE164("06-12-34-56-78")).contains("+33612345678");
    assertThat(PhoneNumbers.toE164("+33 (0)4 72 00 00 00")).contains("+33472000000");
    assertThat(PhoneNumbers.toE164("0033 4 72 00 00 00")).contains("+33472000000");
    assertThat(PhoneNumbers.toE164("02 62 12 34 56")).contains("+262262123456");
    assertThat(PhoneNumbers.toE164("0696 12 34 56")).contains("+596696123456");
    assertThat(PhoneNumbers.toE164("+32 2 123 45 67")).contains("+3221234567");
  }

  @Test
  void whatIsNotOneTelephoneNumberIsRefusedNamingTheField() {
    assertThat(PhoneNumbers.toE164("12 34")).isEmpty();
    assertThat(PhoneNumbers.toE164("04 72 00 00 00 ou 06 12 34 56 78")).isEmpty();
    assertThat(PhoneNumbers.toE164("appeler l'accueil")).isEmpty();
    assertThat(PhoneNumbers.toE164("+0123456789")).isEmpty();
    assertThat(PhoneNumbers.checked("  ", "contactPhone")).isNull();
    assertThatThrownBy(() -> PhoneNumbers.checked("12 34", "contactPhone"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Numéro de téléphone invalide")
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("contactPhone");
  }

  @Test
  void openingHoursFollowTheOpenStreetMapSyntax() {
    for (String ok :
        new String[] {
          "Mo-Fr 08:30-12:30; PH off",
          "Mo-Fr 09:00-12:30,13:30-17:00; PH off",
          "Mo,We,Fr 09:00-12:00",
          "24/7",
          "We 14:00-17:00",
          "Mo-Fr 09:00-17:00; Sa 09:00-12:00; Su off",
          "Sep-Jun Mo-Fr 09:00-17:00"
        }) {
      assertThat(OpeningHours.checked(ok, "openingHours")).as(ok).isEqualTo(ok);
    }
    for (String bad :
        new String[] {"du lundi au vendredi", "9h-17h", "Mo-Fr 9-17", ";", "Lu-Ve 09:00-17:00"}) {
      assertThatThrownBy(() -> OpeningHours.checked(bad, "openingHours"))
          .as(bad)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("OpenStreetMap");
    }
    assertThat(OpeningHours.checked(" ", "openingHours")).isNull();
  }

  @Test
  void aSiretNeedsItsCheckDigit() {
    // Check digits computed by hand with the Luhn algorithm.
    assertThat(TerritoryCodes.isSiret("00000000000018")).isTrue();
    assertThat(TerritoryCodes.isSiret("00000000000019")).isFalse();
    assertThat(TerritoryCodes.isSiret("12345678901234")).isFalse();
    assertThat(TerritoryCodes.isSiret("1234567890123")).isFalse();
    assertThat(TerritoryCodes.isSiret("0000000000001A")).isFalse();
    // La Poste: digits adding up to a multiple of 5.
    assertThat(TerritoryCodes.isSiret("35600000000001")).isTrue();
    assertThat(TerritoryCodes.isSiret("35600000000002")).isFalse();
  }

  @Test
  void anAddressIsCleanedAndChecked() {
    assertThat(PostalAddress.clean(new PostalAddress(" ", null, "", null, null))).isNull();
    PostalAddress a =
        PostalAddress.clean(new PostalAddress(" 1 rue X ", null, "69003", "69383", "Lyon"));
    assertThat(a.street()).isEqualTo("1 rue X");
    PostalAddress.check(a, "address");
    assertThatThrownBy(
            () -> PostalAddress.check(new PostalAddress("1 rue X", null, null, null, null), "a"))
        .hasMessageContaining("code postal");
    assertThatThrownBy(
            () -> PostalAddress.check(new PostalAddress(null, null, "690", null, null), "a"))
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("a.postalCode");
  }
}
