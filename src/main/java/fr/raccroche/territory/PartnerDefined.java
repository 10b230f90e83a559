package fr.raccroche.territory;

/** Published when a partner is created or changed. */
public record PartnerDefined(String code, String name, String departement) {}
