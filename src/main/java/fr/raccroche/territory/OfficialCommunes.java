package fr.raccroche.territory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The official list of communes (COG) with their postal codes, municipal arrondissements and EPCI,
 * read from the compact files extracted from the npm package
 * {@code @etalab/decoupage-administratif} (MIT, Etalab; docs/communes.md): {@code
 * territory/communes-<version>.tsv} and {@code territory/epci-<version>.tsv} on the classpath.
 * Loaded once, on first use (about 40,000 codes, a few MB of heap); read-only and thread-safe
 * afterwards.
 */
@Component
public class OfficialCommunes {
  private final String version;
  private volatile Data data;

  private record Data(
      Map<String, OfficialCommune> byCode,
      Map<String, List<OfficialCommune>> byPostalCode,
      Map<String, Epci> epcis,
      Map<String, List<OfficialCommune>> byEpci) {}

  public OfficialCommunes(@Value("${raccroche.territory.communes-version:6.0.0}") String version) {
    this.version = version;
  }

  /** The version of {@code @etalab/decoupage-administratif} the list was extracted from. */
  public String version() {
    return version;
  }

  /** The commune, arrondissement, delegated commune or former code, if the list has it. */
  public Optional<OfficialCommune> commune(String code) {
    String normalised = TerritoryCodes.normaliseCommuneCode(code);
    return normalised == null
        ? Optional.empty()
        : Optional.ofNullable(data().byCode.get(normalised));
  }

  /**
   * The current communes and arrondissements served by a postal code; an arrondissement's commune
   * is left out (postal code 69003 gives Lyon 3e Arrondissement, not Lyon).
   */
  public List<OfficialCommune> byPostalCode(String postalCode) {
    String normalised = TerritoryCodes.normalisePostalCode(postalCode);
    return normalised == null ? List.of() : data().byPostalCode.getOrDefault(normalised, List.of());
  }

  public Optional<Epci> epci(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(data().epcis.get(code.strip()));
  }

  /**
   * The communes of an EPCI, with the municipal arrondissements of those that have some (a list
   * names a young person's arrondissement, not the whole of Lyon).
   */
  public List<OfficialCommune> members(String epciCode) {
    return epciCode == null ? List.of() : data().byEpci.getOrDefault(epciCode.strip(), List.of());
  }

  /**
   * True when some code of the list is in that département ({@code 42}, {@code 2A}, {@code 974}).
   */
  public boolean hasDepartement(String departement) {
    if (departement == null || !TerritoryCodes.isDepartement(departement.strip())) {
      return false;
    }
    String code = departement.strip();
    return data().byCode.values().stream().anyMatch(c -> code.equals(c.departement()));
  }

  /** True when the postal code serves that commune (or its parent commune). */
  public boolean servesPostalCode(OfficialCommune commune, String postalCode) {
    String normalised = TerritoryCodes.normalisePostalCode(postalCode);
    if (normalised == null) {
      return true;
    }
    if (commune.postalCodes().contains(normalised)) {
      return true;
    }
    OfficialCommune parent =
        commune.parentCode() == null ? null : data().byCode.get(commune.parentCode());
    return parent != null && parent.postalCodes().contains(normalised);
  }

  private Data data() {
    Data d = data;
    if (d == null) {
      synchronized (this) {
        d = data;
        if (d == null) {
          d = load();
          data = d;
        }
      }
    }
    return d;
  }

  private Data load() {
    Map<String, OfficialCommune> byCode = new HashMap<>(50_000);
    for (String[] f : read("territory/communes-" + version + ".tsv", 7)) {
      OfficialCommune c =
          new OfficialCommune(
              f[0],
              f[1],
              f[2],
              switch (f[3]) {
                case "C" -> OfficialCommune.Kind.CURRENT;
                case "A" -> OfficialCommune.Kind.ARRONDISSEMENT;
                case "D" -> OfficialCommune.Kind.DELEGATED;
                case "O" -> OfficialCommune.Kind.FORMER;
                default -> throw new IllegalStateException("Unknown commune kind " + f[3]);
              },
              f[4].isEmpty() ? null : f[4],
              f[5].isEmpty() ? List.of() : List.of(f[5].split(",")),
              f[6].isEmpty() ? null : f[6]);
      byCode.put(c.code(), c);
    }
    Map<String, Set<OfficialCommune>> postal = new HashMap<>();
    Set<String> withArrondissements = new java.util.HashSet<>();
    for (OfficialCommune c : byCode.values()) {
      if (c.kind() == OfficialCommune.Kind.ARRONDISSEMENT) {
        withArrondissements.add(c.parentCode());
      }
    }
    Map<String, List<OfficialCommune>> byEpci = new HashMap<>();
    for (OfficialCommune c : byCode.values()) {
      boolean current = c.kind() == OfficialCommune.Kind.CURRENT;
      boolean arrondissement = c.kind() == OfficialCommune.Kind.ARRONDISSEMENT;
      if (arrondissement || current && !withArrondissements.contains(c.code())) {
        for (String p : c.postalCodes()) {
          postal.computeIfAbsent(p, k -> new LinkedHashSet<>()).add(c);
        }
      }
      if ((current || arrondissement) && c.epciCode() != null) {
        byEpci.computeIfAbsent(c.epciCode(), k -> new ArrayList<>()).add(c);
      }
    }
    Map<String, List<OfficialCommune>> byPostalCode = new HashMap<>();
    postal.forEach((k, v) -> byPostalCode.put(k, sorted(v)));
    byEpci.replaceAll((k, v) -> sorted(v));
    Map<String, Epci> epcis = new HashMap<>();
    for (String[] f : read("territory/epci-" + version + ".tsv", 3)) {
      epcis.put(f[0], new Epci(f[0], f[1], f[2]));
    }
    return new Data(
        Map.copyOf(byCode), Map.copyOf(byPostalCode), Map.copyOf(epcis), Map.copyOf(byEpci));
  }

  private static List<OfficialCommune> sorted(Collection<OfficialCommune> communes) {
    return communes.stream().sorted(java.util.Comparator.comparing(OfficialCommune::code)).toList();
  }

  private static List<String[]> read(String resource, int columns) {
    InputStream in = OfficialCommunes.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(
          "Official commune list not found on the classpath: "
              + resource
              + " (raccroche.territory.communes-version, docs/communes.md)");
    }
    List<String[]> rows = new ArrayList<>(40_000);
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      boolean header = true;
      while ((line = reader.readLine()) != null) {
        if (line.startsWith("#")) {
          continue;
        }
        if (header) {
          header = false; // column names
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f.length != columns) {
          throw new IllegalStateException("Malformed line in " + resource + ": " + f[0]);
        }
        rows.add(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }
}
