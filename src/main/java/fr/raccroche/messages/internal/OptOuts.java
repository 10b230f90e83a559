package fr.raccroche.messages.internal;

import fr.raccroche.messages.Channel;
import fr.raccroche.messages.MessagesProperties;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The addresses that said "STOP", kept as HMAC-SHA-256 of the canonical address under {@code
 * raccroche.messages.opt-out-secret}: the address cannot be read back from the table, yet the next
 * message to it is refused.
 */
@Component
public class OptOuts {
  // Used when no secret is configured (development, demo): production sets its own.
  private static final String DEFAULT_SECRET = "raccroche-messages-opt-out";
  private final OptOutRepository repository;
  private final byte[] secret;

  OptOuts(OptOutRepository repository, MessagesProperties properties) {
    this.repository = repository;
    String s = properties.optOutSecret().isBlank() ? DEFAULT_SECRET : properties.optOutSecret();
    this.secret = s.getBytes(StandardCharsets.UTF_8);
  }

  /** When the address said STOP, if it did. */
  public Optional<Instant> stoppedAt(Channel channel, String address) {
    return repository
        .findByChannelAndAddressHash(channel, hash(address))
        .map(OptOutEntity::getRecordedAt);
  }

  /** Records the STOP (once). */
  public void record(Channel channel, String address, Instant at, String source) {
    String hash = hash(address);
    if (repository.findByChannelAndAddressHash(channel, hash).isEmpty()) {
      repository.save(new OptOutEntity(channel, hash, at, source));
    }
  }

  String hash(String address) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return HexFormat.of()
          .formatHex(mac.doFinal(Addresses.canonical(address).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
