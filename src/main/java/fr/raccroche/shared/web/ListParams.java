package fr.raccroche.shared.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;

/**
 * Paging, sorting and filters of a list page, read from the query string (untrusted): a page
 * number, a size capped at {@link #MAX_SIZE}, a sort key among the list's own columns (a whitelist:
 * the key never reaches a query, only what the list maps it to) and a direction. What cannot be
 * read falls back to the default with a French message ({@link #problems()}).
 *
 * <p>The page builds its links from it: every link carries the filters, the sort and the size, so
 * that a bookmarked or shared address reopens the same view. {@link #pageBase()} is the {@code
 * baseUrl} of the layout's {@code pagination} fragment.
 */
public final class ListParams {
  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 100;

  /** A column the list can be sorted by: its key in the URL, its French name. */
  public record Column(String key, String label, boolean ascendingFirst) {}

  private final String path;
  private final Map<String, Column> columns = new LinkedHashMap<>();
  private final Map<String, String> filters = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();
  private final String defaultSort;
  private final boolean defaultAscending;
  private int page;
  private final int size;
  private final String sort;
  private final boolean ascending;
  private Page<?> result;

  private ListParams(
      String path,
      List<Column> columns,
      String defaultSort,
      boolean defaultAscending,
      String page,
      String size,
      String sort,
      String dir) {
    this.path = path;
    columns.forEach(c -> this.columns.put(c.key(), c));
    this.defaultSort = defaultSort;
    this.defaultAscending = defaultAscending;
    this.page = number(page, 0, "Numéro de page illisible : première page affichée.");
    if (this.page < 0) {
      problems.add("Numéro de page invalide : première page affichée.");
      this.page = 0;
    }
    int s = number(size, DEFAULT_SIZE, "Nombre de lignes par page illisible : 20 par page.");
    if (s < 1) {
      problems.add("Nombre de lignes par page invalide : " + DEFAULT_SIZE + " par page.");
      s = DEFAULT_SIZE;
    } else if (s > MAX_SIZE) {
      problems.add("Au plus " + MAX_SIZE + " lignes par page.");
      s = MAX_SIZE;
    }
    this.size = s;
    String key = sort == null || sort.isBlank() ? null : sort.strip();
    if (key != null && !this.columns.containsKey(key)) {
      problems.add("Tri inconnu : la liste garde son ordre par défaut.");
      key = null;
    }
    if (key == null) {
      this.sort = defaultSort;
      this.ascending = direction(dir, defaultAscending);
    } else {
      this.sort = key;
      this.ascending = direction(dir, this.columns.get(key).ascendingFirst());
    }
  }

  /**
   * Reads the parameters of a list whose address is {@code path} (with the context path), sortable
   * by {@code columns}, sorted by default by {@code defaultSort}.
   */
  public static ListParams read(
      String path,
      List<Column> columns,
      String defaultSort,
      boolean defaultAscending,
      String page,
      String size,
      String sort,
      String dir) {
    return new ListParams(path, columns, defaultSort, defaultAscending, page, size, sort, dir);
  }

  private boolean direction(String dir, boolean fallback) {
    if (dir == null || dir.isBlank()) {
      return fallback;
    }
    return switch (dir.strip()) {
      case "asc" -> true;
      case "desc" -> false;
      default -> {
        problems.add("Sens de tri inconnu : ordre par défaut.");
        yield fallback;
      }
    };
  }

  private int number(String value, int fallback, String problem) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      problems.add(problem);
      return fallback;
    }
  }

  /** A filter the links must carry (null or blank: none). */
  public ListParams filter(String name, Object value) {
    if (value != null && !value.toString().isBlank()) {
      filters.put(name, value.toString());
    } else {
      filters.remove(name);
    }
    return this;
  }

  /** A French message for the page (a filter that could not be read). */
  public ListParams problem(String message) {
    problems.add(message);
    return this;
  }

  /**
   * Runs the query for the requested page; a page past the end shows the last one (with a message).
   */
  public <T> Page<T> fetch(Function<Pageable, Page<T>> query) {
    return fetch(org.springframework.data.domain.Sort.unsorted(), query);
  }

  /** {@link #fetch(Function)} with a sort (from {@link #springSort}). */
  public <T> Page<T> fetch(
      org.springframework.data.domain.Sort order, Function<Pageable, Page<T>> query) {
    Page<T> found = query.apply(PageRequest.of(page, size, order));
    if (found.getContent().isEmpty() && page > 0 && found.getTotalPages() > 0) {
      problems.add("Cette page n'existe pas : voici la dernière.");
      page = found.getTotalPages() - 1;
      found = query.apply(PageRequest.of(page, size, order));
    }
    result = found;
    return found;
  }

  /**
   * The sort as Spring Data reads it: the properties the sort key maps to (the whitelist), then
   * {@code tieBreak} so that pages never overlap.
   */
  public org.springframework.data.domain.Sort springSort(
      Map<String, List<String>> properties, String tieBreak) {
    org.springframework.data.domain.Sort.Direction d =
        ascending
            ? org.springframework.data.domain.Sort.Direction.ASC
            : org.springframework.data.domain.Sort.Direction.DESC;
    List<org.springframework.data.domain.Sort.Order> orders = new ArrayList<>();
    for (String p : properties.get(sort)) {
      orders.add(new org.springframework.data.domain.Sort.Order(d, p));
    }
    if (tieBreak != null && !properties.get(sort).contains(tieBreak)) {
      orders.add(new org.springframework.data.domain.Sort.Order(d, tieBreak));
    }
    return org.springframework.data.domain.Sort.by(orders);
  }

  public int page() {
    return page;
  }

  public int size() {
    return size;
  }

  /** The sort key, one of the columns. */
  public String sort() {
    return sort;
  }

  public boolean ascending() {
    return ascending;
  }

  public List<String> problems() {
    return problems;
  }

  public Map<String, String> filters() {
    return filters;
  }

  public boolean filtered() {
    return !filters.isEmpty();
  }

  /** "ascending", "descending" or null: the {@code aria-sort} of the column's header. */
  public String ariaSort(String key) {
    return key.equals(sort) ? (ascending ? "ascending" : "descending") : null;
  }

  /** The link of a column's header: sorted by it, the other way round when already so. */
  public String sortHref(String key) {
    Column c = columns.get(key);
    boolean asc = key.equals(sort) ? !ascending : c.ascendingFirst();
    return url(key, asc, null);
  }

  /** What the header's link says to a screen reader: "Trier par Nom, ordre croissant". */
  public String sortTitle(String key) {
    Column c = columns.get(key);
    boolean asc = key.equals(sort) ? !ascending : c.ascendingFirst();
    return "Trier par " + c.label() + (asc ? ", ordre croissant" : ", ordre décroissant");
  }

  /** The current view's address without "page", ending with "?" or "&amp;". */
  public String pageBase() {
    String url = url(sort, ascending, null);
    return url + (url.contains("?") ? "&" : "?");
  }

  /** The current view's address, on a given page (from 0). */
  public String pageHref(int number) {
    return url(sort, ascending, number);
  }

  /** The list without filters, sort or page. */
  public String resetHref() {
    return path;
  }

  /** "page 2 sur 50" (nothing when it fits on one page). */
  public String pageLabel() {
    if (result == null || result.getTotalPages() <= 1) {
      return "";
    }
    return "page " + (result.getNumber() + 1) + " sur " + count(result.getTotalPages());
  }

  /** "1 234 dossiers", "1 dossier", "Aucun dossier". */
  public String count(String one, String many) {
    return count("Aucun " + one, one, many);
  }

  /** {@link #count(String, String)} with its own words for none: "Aucune offre". */
  public String count(String none, String one, String many) {
    long n = result == null ? 0 : result.getTotalElements();
    if (n == 0) {
      return none;
    }
    return count(n) + " " + (n == 1 ? one : many);
  }

  /** A number as the French write it: "1 234" (narrow no-break space). */
  public static String count(long n) {
    return NumberFormat.getIntegerInstance(Locale.FRANCE).format(n);
  }

  private String url(String sortKey, boolean asc, Integer number) {
    StringBuilder url = new StringBuilder(path);
    char sep = '?';
    for (Map.Entry<String, String> f : filters.entrySet()) {
      url.append(sep).append(encode(f.getKey())).append('=').append(encode(f.getValue()));
      sep = '&';
    }
    if (!(sortKey.equals(defaultSort) && asc == defaultAscending)) {
      url.append(sep).append("sort=").append(encode(sortKey));
      sep = '&';
      url.append(sep).append("dir=").append(asc ? "asc" : "desc");
    }
    if (size != DEFAULT_SIZE) {
      url.append(sep).append("size=").append(size);
      sep = '&';
    }
    if (number != null && number > 0) {
      url.append(sep).append("page=").append(number);
    }
    return url.toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
