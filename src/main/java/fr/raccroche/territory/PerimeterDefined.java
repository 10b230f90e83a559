package fr.raccroche.territory;

/** Published when a perimeter is created or changed. */
public record PerimeterDefined(String code, String name, String departement) {}
