/**
 * The few types every module uses: domain exceptions carrying a French message for users, the JSON
 * error format of the API, and the cluster lock that serialises start-up work across nodes.
 */
@org.springframework.modulith.ApplicationModule(
    type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package fr.raccroche.shared;
