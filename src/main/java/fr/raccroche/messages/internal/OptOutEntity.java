package fr.raccroche.messages.internal;

import fr.raccroche.messages.Channel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** An address whose owner said "STOP", kept as a keyed hash only. */
@Entity
@Table(name = "message_opt_out")
public class OptOutEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "message_opt_out_seq")
  @SequenceGenerator(
      name = "message_opt_out_seq",
      sequenceName = "message_opt_out_seq",
      allocationSize = 50)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Channel channel;

  @Column(name = "address_hash", nullable = false)
  private String addressHash;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  @Column(nullable = false)
  private String source;

  protected OptOutEntity() {}

  public OptOutEntity(Channel channel, String addressHash, Instant recordedAt, String source) {
    this.channel = channel;
    this.addressHash = addressHash;
    this.recordedAt = recordedAt;
    this.source = source;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }
}
