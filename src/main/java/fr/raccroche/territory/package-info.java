/**
 * Territory: the département's coordination perimeters (with their INSEE communes and postal codes,
 * and designated coordinators), the partner structures and the establishments, and the routing of a
 * commune code, a postal code or a UAI to a perimeter.
 *
 * <p>Public face: {@link fr.raccroche.territory.TerritoryService} and the records and events of
 * this package.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package fr.raccroche.territory;
