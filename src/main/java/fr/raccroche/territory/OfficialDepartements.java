package fr.raccroche.territory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The official départements and regions (COG), read from {@code territory/departements-<version>.tsv}
 * and {@code territory/regions-<version>.tsv}, extracted from the npm package {@code
 * @etalab/decoupage-administratif} with the communes (docs/communes.md): names are never typed by
 * hand. Loaded once, at first use.
 */
@Component
public class OfficialDepartements {
  /** An official département: its code, name and the code of its region. */
  public record Departement(String code, String name, String region) {}

  /** An official region. */
  public record Region(String code, String name) {}

  private final String version;
  private volatile Map<String, Departement> departements;
  private volatile Map<String, Region> regions;

  public OfficialDepartements(
      @Value("${raccroche.territory.communes-version:6.0.0}") String version) {
    this.version = version;
  }

  public Optional<Departement> departement(String code) {
    return code == null
        ? Optional.empty()
        : Optional.ofNullable(departements().get(code.strip().toUpperCase()));
  }

  public Optional<Region> region(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(regions().get(code.strip()));
  }

  /** The département's official name, or its code when the list does not have it. */
  public String name(String departementCode) {
    return departement(departementCode).map(Departement::name).orElse(departementCode);
  }

  /** Every département, by code. */
  public Map<String, Departement> departements() {
    Map<String, Departement> d = departements;
    if (d == null) {
      Map<String, Departement> m = new TreeMap<>();
      read("departements", f -> m.put(f[0], new Departement(f[0], f[1], f[2])));
      d = Collections.unmodifiableMap(m);
      departements = d;
    }
    return d;
  }

  private Map<String, Region> regions() {
    Map<String, Region> r = regions;
    if (r == null) {
      Map<String, Region> m = new TreeMap<>();
      read("regions", f -> m.put(f[0], new Region(f[0], f[1])));
      r = Collections.unmodifiableMap(m);
      regions = r;
    }
    return r;
  }

  private void read(String kind, java.util.function.Consumer<String[]> row) {
    String name = "territory/" + kind + "-" + version + ".tsv";
    InputStream in = OfficialDepartements.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("Missing " + name + " (see docs/communes.md)");
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      boolean header = true;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        row.accept(line.split("\t", -1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
