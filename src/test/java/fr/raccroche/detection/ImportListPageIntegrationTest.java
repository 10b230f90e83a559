package fr.raccroche.detection;

import static org.assertj.core.api.Assertions.assertThat;

import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The imports on the imports page (issue 22): paged on the server, sorted by any column, filtered
 * by status, source and dates, every parameter kept in the links; bad parameters give a French
 * message; the upload form is DSFR's.
 */
@RaccrocheIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportListPageIntegrationTest {
  static final String RUN =
      new java.util.Random()
          .ints(6, 'a', 'z' + 1)
          .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
          .toString();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @BeforeAll
  void imports() {
    // Three lists whose only line is rejected (a bad birth date): imports that open no case.
    for (String[] list :
        new String[][] {{"EN", "b"}, {"CFA", "a"}, {"JUSTICE", "c"}, {"CFA", "d"}}) {
      byte[] csv =
          "nom;prenom;date_naissance;date_sortie;code_postal\nDupont;Jean;pas-une-date;01/06/2026;69008\n"
              .getBytes(StandardCharsets.UTF_8);
      HttpResponse<String> r =
          new Http(port)
              .postFile(
                  "/api/imports?source=" + list[0] + "&wait=true",
                  list[1] + RUN + ".csv",
                  csv,
                  "superviseur",
                  "demo");
      assertThat(r.statusCode()).as(r.body()).isIn(200, 201, 202);
    }
  }

  String page(String query) {
    Http http = new Http(port);
    http.signIn("superviseur", "demo");
    HttpResponse<String> page = http.get("/imports" + query);
    assertThat(page.statusCode()).as(query + "\n" + page.body()).isEqualTo(200);
    return page.body();
  }

  long count(String where) {
    return jdbc.queryForObject("select count(*) from import_batch where " + where, Long.class);
  }

  static String counted(long n, String one, String many) {
    return n == 0 ? "Aucun " + one : n + " " + (n == 1 ? one : many);
  }

  @Test
  void theImportsArePagedSortedAndFiltered() {
    long all = count("1 = 1");
    String first = page("?size=2");
    assertThat(first)
        .contains(counted(all, "import", "imports"), "page 1 sur " + ((all + 1) / 2))
        .contains("href=\"/imports?size=2&amp;page=1\"");
    // By source: the two CFA lists, and the links keep the filter.
    long cfa = count("source = 'CFA'");
    String byCfa = page("?source=CFA&sort=fileName&dir=asc&size=100");
    assertThat(byCfa)
        .contains(counted(cfa, "import", "imports"))
        .doesNotContain("b" + RUN + ".csv");
    assertThat(byCfa.indexOf("a" + RUN + ".csv"))
        .isPositive()
        .isLessThan(byCfa.indexOf("d" + RUN + ".csv"));
    assertThat(byCfa)
        .contains("href=\"/imports?source=CFA&amp;sort=fileName&amp;dir=desc&amp;size=100\"")
        .contains("aria-sort=\"ascending\"", "Trier par Fichier, ordre décroissant");
    String desc = page("?source=CFA&sort=fileName&dir=desc&size=100");
    assertThat(desc.indexOf("d" + RUN + ".csv"))
        .isPositive()
        .isLessThan(desc.indexOf("a" + RUN + ".csv"));
    // Sorted by number, both ways: the newest first by default.
    String byId = page("?size=100");
    assertThat(byId.indexOf("d" + RUN + ".csv"))
        .isPositive()
        .isLessThan(byId.indexOf("c" + RUN + ".csv"));
    String byIdAsc = page("?sort=id&dir=asc&size=100");
    assertThat(byIdAsc.indexOf("b" + RUN + ".csv"))
        .isPositive()
        .isLessThan(byIdAsc.indexOf("a" + RUN + ".csv"));
    // By status and by dates.
    assertThat(page("?status=COMPLETED"))
        .contains(counted(count("status = 'COMPLETED'"), "import", "imports"));
    assertThat(page("?status=FAILED"))
        .contains(counted(count("status = 'FAILED'"), "import", "imports"));
    String today = LocalDate.now().toString();
    assertThat(page("?from=" + today + "&to=" + today + "&source=JUSTICE"))
        .contains("c" + RUN + ".csv");
    assertThat(page("?from=" + LocalDate.now().plusDays(1) + "&source=JUSTICE"))
        .contains("Aucun import ne correspond à ces filtres.")
        .doesNotContain("c" + RUN + ".csv");
    // The form: DSFR fields, each labelled; a reset link.
    assertThat(first)
        .contains("class=\"fr-upload\" id=\"file\"", "<label class=\"fr-label\" for=\"file\">")
        .contains("<label class=\"fr-label\" for=\"filter-status\">", "Réinitialiser les filtres")
        .contains("<th scope=\"col\"", "<caption");
  }

  @Test
  void badParametersGiveAFrenchMessage() {
    assertThat(page("?page=-1")).contains("Numéro de page invalide");
    assertThat(page("?size=100000")).contains("Au plus 100 lignes par page");
    assertThat(page("?sort=password")).contains("Tri inconnu");
    assertThat(page("?sort=fileName;drop")).contains("Tri inconnu");
    assertThat(page("?status=BOGUS")).contains("État inconnu");
    assertThat(page("?source=BOGUS")).contains("Source inconnue");
    assertThat(page("?from=hier")).contains("Date illisible");
    assertThat(page("?from=2026-12-31&to=2026-01-01"))
        .contains("La date de fin doit être postérieure ou égale à la date de début");
  }
}
