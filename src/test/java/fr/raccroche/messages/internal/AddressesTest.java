package fr.raccroche.messages.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.raccroche.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Mobile numbers and e-mail addresses a message may go to; French refusals otherwise. */
class AddressesTest {
  @Test
  void frenchAndOverseasMobilesAreTakenInE164() {
    assertThat(Addresses.mobile("06 12 34 56 78", "phone", "du jeune")).isEqualTo("+33612345678");
    assertThat(Addresses.mobile("+33 7 11 22 33 44", "phone", "du jeune"))
        .isEqualTo("+33711223344");
    assertThat(Addresses.mobile("0692 12 34 56", "phone", "du jeune")).isEqualTo("+262692123456");
  }

  @Test
  void landlinesAndMalformedNumbersAreRefused() {
    assertThatThrownBy(() -> Addresses.mobile("04 72 10 20 30", "phone", "du jeune"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "Le numéro de téléphone du jeune n'est pas un numéro de mobile : il ne peut pas"
                + " recevoir de SMS.");
    assertThatThrownBy(() -> Addresses.mobile("06 12", "phone", "du jeune"))
        .hasMessageStartingWith("Le numéro de téléphone du jeune est mal formé");
    assertThatThrownBy(() -> Addresses.mobile(null, "phone", "du jeune"))
        .hasMessage("Aucun numéro de téléphone n'est connu du jeune.");
  }

  @Test
  void emailAddressesAreCheckedAndTheirDomainLowerCased() {
    assertThat(Addresses.email(" Ines.Dupont@Example.ORG ", "email", "du jeune"))
        .isEqualTo("Ines.Dupont@example.org");
    for (String bad :
        new String[] {
          "ines@", "ines@example", "a b@example.org", "x@y@example.org", "ines@exa\u202emple.org"
        }) {
      assertThatThrownBy(() -> Addresses.email(bad, "email", "du jeune"))
          .as(bad)
          .hasMessageStartingWith("L'adresse électronique du jeune est mal formée");
    }
  }
}
