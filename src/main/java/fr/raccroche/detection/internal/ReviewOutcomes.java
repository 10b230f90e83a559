package fr.raccroche.detection.internal;

import fr.raccroche.pathway.CaseIntake;
import fr.raccroche.shared.InvalidInputException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a finished review does, through the pathway's intake: a possible duplicate merged into the
 * known record or kept apart, a person without perimeter given one. Each opens the case the import
 * could not open yet; its pathway starts after the review's commit (a start that fails never undoes
 * the review: the case is marked for the supervisors).
 */
@Component
@Transactional
public class ReviewOutcomes {
  private final SourceListingRepository listings;
  private final CaseIntake intake;

  ReviewOutcomes(SourceListingRepository listings, CaseIntake intake) {
    this.listings = listings;
    this.intake = intake;
  }

  /** MERGE: the listings join the known person (whose open case gains the source). */
  public String merge(
      long newPersonId, long knownPersonId, String perimeterCode, PendingCase pending) {
    String caseNumber =
        intake.openCaseAfterReview(knownPersonId, LeaverRows.newCase(pending, null), perimeterCode);
    for (SourceListingEntity l : listings.findByPersonIdOrderByRecordedAt(newPersonId)) {
      l.setPersonId(knownPersonId);
      l.setCaseNumber(caseNumber);
    }
    listings.flush();
    intake.mergeInto(newPersonId, knownPersonId);
    return caseNumber;
  }

  /** KEEP_APART (or a perimeter assigned): the person gets their own case in that perimeter. */
  public String openCase(long personId, String perimeterCode, PendingCase pending) {
    if (perimeterCode == null || perimeterCode.isBlank()) {
      throw new InvalidInputException("perimeterCode", "Choisissez le périmètre du dossier.");
    }
    String caseNumber =
        intake.openCaseAfterReview(personId, LeaverRows.newCase(pending, null), perimeterCode);
    for (SourceListingEntity l : listings.findByPersonIdOrderByRecordedAt(personId)) {
      if (l.getCaseNumber() == null) {
        l.setCaseNumber(caseNumber);
      }
    }
    return caseNumber;
  }
}
