package fr.raccroche.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * The engine's password hash: bcrypt (cost {@code raccroche.security.bcrypt-cost}, 10 by default)
 * over the SHA-256 of what the engine hands over (the password followed by the user's random salt).
 * The SHA-256 step is there because bcrypt reads 72 bytes at most and refuses longer input: a long
 * passphrase plus the engine's 24-character salt would otherwise be cut or refused. Stored as
 * {@code {BCRYPT-SHA256}$2a$10$…} (Camunda writes the algorithm name in front).
 */
final class BcryptPasswordEncryptor implements PasswordEncryptor {
  static final String ALGORITHM = "BCRYPT-SHA256";

  private final int cost;

  BcryptPasswordEncryptor(int cost) {
    if (cost < 4 || cost > 31) {
      throw new IllegalArgumentException("bcrypt cost must be between 4 and 31, got " + cost);
    }
    this.cost = cost;
  }

  @Override
  public String encrypt(String password) {
    return BCrypt.hashpw(preHash(password), BCrypt.gensalt(cost));
  }

  @Override
  public boolean check(String password, String encrypted) {
    if (encrypted == null || !encrypted.startsWith("$2")) {
      return false;
    }
    try {
      return BCrypt.checkpw(preHash(password), encrypted);
    } catch (IllegalArgumentException malformed) {
      return false;
    }
  }

  @Override
  public String hashAlgorithmName() {
    return ALGORITHM;
  }

  private static String preHash(String password) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
