package fr.raccroche.detection.internal;

import fr.raccroche.shared.Attempts.OutageObserver;
import fr.raccroche.shared.SliceRunner;
import fr.raccroche.shared.TransientFailures;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

/**
 * Opens the reviews that imports asked for ({@code import_pending_review}): after an import's rows
 * phase and at startup, in slices of 50, one transaction each, on the pathway starts' threads. A
 * review that cannot open stops no other: it keeps its reason and waits (counted on the report);
 * the chunk that asked for it was not held up by engine work.
 */
@Component
class ReviewStarts {
  private static final int PER_TRANSACTION = 50;
  private static final int PAGE = 2_000;

  private final PendingReviewRepository pending;
  private final ReviewStarter reviews;
  private final SliceRunner slices;
  private final ImportBatchRepository imports;

  ReviewStarts(
      PendingReviewRepository pending,
      ReviewStarter reviews,
      SliceRunner slices,
      ImportBatchRepository imports) {
    this.imports = imports;
    this.pending = pending;
    this.reviews = reviews;
    this.slices = slices;
  }

  /** Opens every review waiting; answers the ids of those that could not open. */
  List<Long> openPending(OutageObserver outages) {
    return slices
        .drain(
            "Review start",
            () -> pending.findPending(Pageable.ofSize(PAGE)),
            PER_TRANSACTION,
            2,
            work,
            n -> {},
            outages)
        .failed();
  }

  private final SliceRunner.Work<Long> work =
      new SliceRunner.Work<>() {
        @Override
        public int doInTransaction(List<Long> ids) {
          List<PendingReviewEntity> batch = pending.lock(ids);
          for (PendingReviewEntity r : batch) {
            if (r.getStartFailure() != null) {
              continue; // waits for a retry
            }
            switch (r.getKind()) {
              case DUPLICATE ->
                  reviews.possibleDuplicate(
                      r.getPersonId(),
                      r.getCandidatePersonId(),
                      r.getPerimeterCode(),
                      r.pendingCase());
              case PERIMETER ->
                  reviews.assignPerimeter(
                      r.getPersonId(),
                      r.pendingCase(),
                      imports.findById(r.getImportId()).orElseThrow().getDepartement());
            }
            pending.delete(r);
          }
          return batch.size();
        }

        @Override
        public boolean recordFailure(Long id, RuntimeException failure) {
          return pending
              .findById(id)
              .map(
                  r -> {
                    r.setStartFailure(
                        "La revue n'a pas pu s'ouvrir ("
                            + failure.getClass().getSimpleName()
                            + (TransientFailures.sqlState(failure) == null
                                ? ""
                                : ", code SQL " + TransientFailures.sqlState(failure))
                            + ") : à signaler à l'exploitant.");
                    return true;
                  })
              .orElse(false);
        }
      };
}
