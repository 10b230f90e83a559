/**
 * The few types every module uses: domain exceptions carrying a French message for users, and the
 * JSON error format of the API.
 */
@org.springframework.modulith.ApplicationModule(
    type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package fr.raccroche.shared;
