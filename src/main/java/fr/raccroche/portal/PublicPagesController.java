package fr.raccroche.portal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The pages of the footer every visitor may read, signed in or not: the accessibility statement
 * (its measured state is in docs/accessibility.md), the legal notice, personal data and the site
 * map. The security configuration opens them to visitors who are not signed in.
 */
@Controller
class PublicPagesController {
  @GetMapping("/accessibilite")
  String accessibility() {
    return "accessibility";
  }

  @GetMapping("/mentions-legales")
  String legalNotice() {
    return "legal-notice";
  }

  @GetMapping("/donnees-personnelles")
  String personalData() {
    return "personal-data";
  }

  @GetMapping("/plan-du-site")
  String siteMap() {
    return "site-map";
  }
}
