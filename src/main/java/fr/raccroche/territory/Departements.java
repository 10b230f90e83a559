package fr.raccroche.territory;

import fr.raccroche.territory.internal.PerimeterRepository;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The départements this deployment serves (docs/specification.md §1 "Départements"): those of its
 * perimeters, and the default one ({@code raccroche.departement}) that takes what has no perimeter
 * yet. Each is a Camunda tenant (docs/adr/0010).
 */
@Service
@Transactional(readOnly = true)
public class Departements {
  private final PerimeterRepository perimeters;
  private final String defaultDepartement;

  Departements(
      PerimeterRepository perimeters,
      @Value("${raccroche.departement}") String defaultDepartement) {
    this.perimeters = perimeters;
    this.defaultDepartement = defaultDepartement;
  }

  /** The département of the deployment's first configuration; what has no perimeter goes there. */
  public String defaultDepartement() {
    return defaultDepartement;
  }

  /** Every département served, sorted by code. */
  public Set<String> codes() {
    Set<String> codes = new TreeSet<>(perimeters.findDepartements());
    codes.add(defaultDepartement);
    return codes;
  }

  public boolean serves(String code) {
    return code != null && codes().contains(code);
  }

  /** The département of a perimeter (empty for an unknown code). */
  public Optional<String> ofPerimeter(String perimeterCode) {
    if (perimeterCode == null) {
      return Optional.empty();
    }
    return perimeters.findById(perimeterCode).map(p -> p.getDepartement());
  }

  /** The département of each of these perimeters (unknown codes left out), in one query. */
  public Map<String, String> ofPerimeters(Collection<String> perimeterCodes) {
    Map<String, String> map = new HashMap<>();
    if (perimeterCodes.isEmpty()) {
      return map;
    }
    perimeters.findAllById(perimeterCodes).forEach(p -> map.put(p.getCode(), p.getDepartement()));
    return map;
  }

  /** The perimeters of a département. */
  public Set<String> perimetersOf(Collection<String> departements) {
    return new TreeSet<>(perimeters.findCodesByDepartementIn(departements));
  }
}
