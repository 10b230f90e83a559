package fr.raccroche.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import fr.raccroche.testsupport.Http;
import fr.raccroche.testsupport.RaccrocheIntegrationTest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The catalogue's page (issue 22): paged, sorted by any column, filtered by the former criteria and
 * by type, structure and publication, every parameter kept in the links.
 */
@RaccrocheIntegrationTest
class OfferListPageIntegrationTest {
  @LocalServerPort int port;
  @Autowired OfferService offers;

  String page(String query) {
    Http http = new Http(port);
    http.signIn("coord.lyon", "demo");
    HttpResponse<String> page = http.get("/offers" + query);
    assertThat(page.statusCode()).as(query + "\n" + page.body()).isEqualTo(200);
    return page.body();
  }

  static String counted(long n) {
    return n == 0 ? "Aucune offre" : n + " " + (n == 1 ? "offre" : "offres");
  }

  @Test
  void theCatalogueIsPagedSortedAndFiltered() {
    List<Offer> all = offers.find(OfferFilter.none());
    assertThat(all).hasSizeGreaterThan(3);
    String first = page("?size=2");
    assertThat(first)
        .contains(counted(all.size()), "page 1 sur " + ((all.size() + 1) / 2))
        .contains("href=\"/offers?size=2&amp;page=1\"");
    // By name both ways.
    String byName = page("?size=100");
    String byNameDesc = page("?size=100&sort=name&dir=desc");
    List<String> names =
        all.stream()
            .map(Offer::name)
            .sorted(java.text.Collator.getInstance(java.util.Locale.FRENCH))
            .toList();
    String a = names.get(0);
    String z = names.get(names.size() - 1);
    assertThat(byName.indexOf(">" + a + "<"))
        .isPositive()
        .isLessThan(byName.indexOf(">" + z + "<"));
    assertThat(byNameDesc.indexOf(">" + z + "<"))
        .isPositive()
        .isLessThan(byNameDesc.indexOf(">" + a + "<"));
    // By last update: the stale ones last when the newest come first.
    String byUpdate = page("?size=100&sort=updated&dir=desc");
    Offer stale = all.stream().filter(Offer::stale).findFirst().orElseThrow();
    Offer fresh = all.stream().filter(o -> !o.stale()).findFirst().orElseThrow();
    assertThat(byUpdate.indexOf(">" + fresh.name() + "<"))
        .isPositive()
        .isLessThan(byUpdate.indexOf(">" + stale.name() + "<"));
    assertThat(page("?size=100&sort=updated&dir=asc").indexOf(">" + stale.name() + "<"))
        .isLessThan(page("?size=100&sort=updated&dir=asc").indexOf(">" + fresh.name() + "<"));
    assertThat(page("?sort=partner&dir=asc"))
        .contains("aria-sort=\"ascending\"", "Trier par Structure, ordre décroissant");
    // By type, structure, publication: the counts of the catalogue.
    long trainings = all.stream().filter(o -> o.types().contains(OfferType.TRAINING)).count();
    assertThat(page("?type=TRAINING")).contains(counted(trainings));
    long mlLyon = all.stream().filter(o -> o.partnerCode().equals("ML-LYON")).count();
    String byPartner = page("?partner=ML-LYON&size=5");
    assertThat(byPartner).contains(counted(mlLyon));
    long published = all.stream().filter(Offer::published).count();
    assertThat(page("?published=yes")).contains(counted(published));
    assertThat(page("?published=no")).contains(counted(all.size() - published));
    // The links keep the filters, the form shows them; a reset link.
    assertThat(page("?partner=ML-LYON&need=EMPLOYMENT&sort=places"))
        .contains(
            "href=\"/offers?need=EMPLOYMENT&amp;partner=ML-LYON&amp;sort=places&amp;dir=asc\"")
        .contains("value=\"ML-LYON\" selected=\"selected\"", "Réinitialiser les filtres");
  }

  @Test
  void badParametersGiveAFrenchMessage() {
    assertThat(page("?page=-1")).contains("Numéro de page invalide");
    assertThat(page("?size=100000")).contains("Au plus 100 lignes par page");
    assertThat(page("?sort=password")).contains("Tri inconnu");
    assertThat(page("?type=BOGUS")).contains("Type d&#39;offre inconnu");
    assertThat(page("?published=maybe")).contains("Filtre de publication inconnu");
    assertThat(page("?age=abc")).contains("Filtre invalide");
  }
}
