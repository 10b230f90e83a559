package fr.raccroche.indicators.internal;

import fr.raccroche.shared.InvalidInputException;

/** A published (or discarded) snapshot was about to change. */
public class PublishedSnapshotException extends InvalidInputException {
  public PublishedSnapshotException(Long id) {
    super(
        "snapshot",
        "L'instantané "
            + id
            + " n'est plus un brouillon : il ne peut pas être modifié. Recalculez le trimestre"
            + " pour obtenir un nouveau brouillon.");
  }
}
