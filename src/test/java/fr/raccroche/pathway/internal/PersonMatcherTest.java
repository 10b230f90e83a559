package fr.raccroche.pathway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.raccroche.pathway.Names;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The intake's one matching policy, on people as real lists give them. */
class PersonMatcherTest {
  static final LocalDate BORN = LocalDate.of(2008, 3, 14);

  static PersonRef person(long id, String ine, String last, String first, LocalDate birth) {
    return new PersonRef(id, ine, Names.key(last, first), birth, "F");
  }

  @Test
  void theSameIneIsTheSamePersonWhateverTheNames() {
    PersonMatcher m = new PersonMatcher();
    m.add(person(1, "1234567890A", "Lefèvre", "Léa", BORN));
    PersonMatcher.Match match = m.match("1234567890A", Names.key("LEFEVRE-MARTIN", "Lea"), BORN);
    assertThat(match.exact().id()).isEqualTo(1);
  }

  @Test
  void withoutAnIneOnOneSideFoldedNamesAndBirthDateMatch() {
    PersonMatcher m = new PersonMatcher();
    m.add(person(1, null, "N'Diaye", "Maëlle", BORN));
    assertThat(m.match("1234567890A", Names.key("N DIAYE", "MAELLE"), BORN).exact().id())
        .isEqualTo(1);
    PersonMatcher withIne = new PersonMatcher();
    withIne.add(person(2, "1234567890A", "N'Diaye", "Maëlle", BORN));
    assertThat(withIne.match(null, Names.key("ndiaye", "maelle"), BORN).exact().id()).isEqualTo(2);
  }

  @Test
  void sameNamesAndBirthDateUnderTwoInesGoToAHuman() {
    PersonMatcher m = new PersonMatcher();
    m.add(person(1, "1234567890A", "Martin", "Léa", BORN));
    PersonMatcher.Match match = m.match("0987654321B", Names.key("Martin", "Léa"), BORN);
    assertThat(match.exact()).isNull();
    assertThat(match.near().id()).isEqualTo(1);
  }

  @Test
  void closeNamesOnTheSameBirthDateAreANearMatchOtherDaysAreStrangers() {
    PersonMatcher m = new PersonMatcher();
    m.add(person(1, null, "Presquepareil", "Maëlle", BORN));
    assertThat(m.match(null, Names.key("Presquepareille", "Maelle"), BORN).near().id())
        .isEqualTo(1);
    PersonMatcher.Match otherDay =
        m.match(null, Names.key("Presquepareille", "Maelle"), BORN.plusDays(1));
    assertThat(otherDay.exact()).isNull();
    assertThat(otherDay.near()).isNull();
    PersonMatcher.Match farNames = m.match(null, Names.key("Dubois", "Jules"), BORN);
    assertThat(farNames.exact()).isNull();
    assertThat(farNames.near()).isNull();
  }

  @Test
  void sharedNamesWithDifferentBirthDatesAreDifferentPeople() {
    // The small pools of real lists: many "Léa MARTIN", born on other days.
    PersonMatcher m = new PersonMatcher();
    for (int i = 0; i < 30; i++) {
      m.add(person(i, null, "Martin", "Léa", BORN.plusDays(i + 1)));
    }
    PersonMatcher.Match match = m.match(null, Names.key("Martin", "Léa"), BORN);
    assertThat(match.exact()).isNull();
    assertThat(match.near()).isNull();
  }
}
