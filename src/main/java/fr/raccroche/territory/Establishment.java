package fr.raccroche.territory;

/**
 * An establishment identified by its UAI (7 digits + 1 letter). When defined without a perimeter,
 * it takes the perimeter of its commune.
 */
public record Establishment(
    String uai,
    String name,
    EstablishmentType type,
    String communeCode,
    String communeName,
    String perimeterCode) {}
