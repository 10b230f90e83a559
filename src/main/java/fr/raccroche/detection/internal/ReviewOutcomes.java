package fr.raccroche.detection.internal;

import fr.raccroche.pathway.CaseService;
import fr.raccroche.pathway.CaseService.CaseRef;
import fr.raccroche.pathway.PersonDirectory;
import fr.raccroche.shared.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a finished review does: a possible duplicate merged into the known record or kept apart, a
 * person without perimeter given one. Each opens the case the import could not open yet.
 */
@Component
@Transactional
public class ReviewOutcomes {
  private final SourceListingRepository listings;
  private final PersonDirectory directory;
  private final CaseService cases;

  ReviewOutcomes(SourceListingRepository listings, PersonDirectory directory, CaseService cases) {
    this.listings = listings;
    this.directory = directory;
    this.cases = cases;
  }

  /** MERGE: the listings join the known person (whose open case gains the source). */
  public String merge(
      long newPersonId, long knownPersonId, String perimeterCode, PendingCase pending) {
    Map<Long, CaseRef> open = cases.openCases(List.of(knownPersonId));
    String caseNumber =
        open.containsKey(knownPersonId)
            ? open.get(knownPersonId).caseNumber()
            : cases.registerCase(
                knownPersonId, ImportProcessor.newCase(pending, null), perimeterCode);
    for (SourceListingEntity l : listings.findByPersonIdOrderByRecordedAt(newPersonId)) {
      l.setPersonId(knownPersonId);
      l.setCaseNumber(caseNumber);
    }
    listings.flush();
    directory.delete(newPersonId);
    cases.startPathwayOf(caseNumber);
    return caseNumber;
  }

  /** KEEP_APART (or a perimeter assigned): the person gets their own case in that perimeter. */
  public String openCase(long personId, String perimeterCode, PendingCase pending) {
    if (perimeterCode == null || perimeterCode.isBlank()) {
      throw new InvalidInputException("perimeterCode", "Choisissez le périmètre du dossier.");
    }
    Map<Long, CaseRef> open = cases.openCases(List.of(personId));
    String caseNumber =
        open.containsKey(personId)
            ? open.get(personId).caseNumber()
            : cases.registerCase(personId, ImportProcessor.newCase(pending, null), perimeterCode);
    for (SourceListingEntity l : listings.findByPersonIdOrderByRecordedAt(personId)) {
      if (l.getCaseNumber() == null) {
        l.setCaseNumber(caseNumber);
      }
    }
    cases.startPathwayOf(caseNumber);
    return caseNumber;
  }
}
