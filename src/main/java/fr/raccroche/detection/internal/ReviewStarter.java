package fr.raccroche.detection.internal;

/** Opens the human reviews an import needs (implemented on Camunda processes). */
public interface ReviewStarter {
  /** A new person looks like a known one: coordinators decide (merge or keep apart). */
  void possibleDuplicate(
      long newPersonId, long candidatePersonId, String perimeterCode, PendingCase pending);

  /**
   * A person whose place routes to no perimeter: the supervisors of the import's département assign
   * one of its perimeters.
   */
  void assignPerimeter(long personId, PendingCase pending, String departement);
}
