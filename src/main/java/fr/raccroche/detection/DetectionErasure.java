package fr.raccroche.detection;

import fr.raccroche.detection.internal.ImportRejectionRepository;
import fr.raccroche.detection.internal.SourceListingRepository;
import fr.raccroche.pathway.PersonErased;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What detection erases for data protection: an erased person's source listings lose the hash of
 * their original line (source, file and line number stay); the original text of rejected lines is
 * erased after its own retention period.
 */
@Service
@Transactional
public class DetectionErasure {
  private final SourceListingRepository listings;
  private final ImportRejectionRepository rejections;
  private final fr.raccroche.detection.internal.PendingReviewRepository pendingReviews;

  DetectionErasure(
      SourceListingRepository listings,
      ImportRejectionRepository rejections,
      fr.raccroche.detection.internal.PendingReviewRepository pendingReviews) {
    this.listings = listings;
    this.rejections = rejections;
    this.pendingReviews = pendingReviews;
  }

  @EventListener
  public void on(PersonErased erased) {
    listings.eraseRowHashes(erased.personId());
    pendingReviews.deleteByPerson(erased.personId());
  }

  /** Erases the original text of lines rejected by imports started before the instant. */
  public int eraseRejectedLinesBefore(Instant before) {
    return rejections.eraseRawLinesBefore(before);
  }
}
