package fr.raccroche.territory;

import java.time.LocalDate;

/**
 * A coordinator of a perimeter, designated by the prefect with the IA-DSDEN: the user id of the
 * Camunda account, the designation date and the reference of the designation act.
 */
public record CoordinatorDesignation(String userId, LocalDate designationDate, String reference) {}
