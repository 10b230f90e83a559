package fr.raccroche.pathway.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** School year (its starting calendar year) and département of a case number series. */
@Embeddable
public record CaseNumberCounterId(
    @Column(name = "school_year_start") int schoolYearStart,
    @Column(name = "departement") String departement) {}
