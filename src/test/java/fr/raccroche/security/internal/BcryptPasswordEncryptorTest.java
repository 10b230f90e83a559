package fr.raccroche.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BcryptPasswordEncryptorTest {
  final BcryptPasswordEncryptor bcrypt = new BcryptPasswordEncryptor(4);

  @Test
  void hashesAreSaltedBcryptAndCheckOnlyTheSamePassword() {
    String first = bcrypt.encrypt("Mot-De-Passe-2026");
    assertThat(first).startsWith("$2a$04$").isNotEqualTo(bcrypt.encrypt("Mot-De-Passe-2026"));
    assertThat(bcrypt.check("Mot-De-Passe-2026", first)).isTrue();
    assertThat(bcrypt.check("Mot-De-Passe-2027", first)).isFalse();
    assertThat(bcrypt.check("Mot-De-Passe-2026", "pas-un-hachage")).isFalse();
    assertThat(bcrypt.hashAlgorithmName()).isEqualTo("BCRYPT-SHA256");
  }

  @Test
  void passwordsLongerThanBcryptsSeventyTwoBytesCountWhole() {
    String base = "é".repeat(60); // 120 bytes in UTF-8
    String hash = bcrypt.encrypt(base + "A");
    assertThat(bcrypt.check(base + "A", hash)).isTrue();
    assertThat(bcrypt.check(base + "B", hash)).isFalse();
  }

  @Test
  void theProductionCostIsTenAndAnAbsurdCostIsRefused() {
    assertThat(new BcryptPasswordEncryptor(10).encrypt("x")).startsWith("$2a$10$");
    assertThatThrownBy(() -> new BcryptPasswordEncryptor(3))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
