package fr.raccroche.portal;

import fr.raccroche.security.Roles;
import fr.raccroche.security.SignInOptions;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Landing page (links fitting the user's roles) and login page. */
@Controller
class PortalController {
  private final SignInOptions signInOptions;

  PortalController(SignInOptions signInOptions) {
    this.signInOptions = signInOptions;
  }

  @GetMapping("/")
  String home(Authentication authentication, Model model) {
    List<String> authorities =
        authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    boolean admin = authorities.contains("ROLE_" + Roles.ADMIN);
    boolean supervisor = authorities.contains("ROLE_" + Roles.SUPERVISOR);
    boolean worker =
        authorities.contains("ROLE_" + Roles.COORDINATOR)
            || authorities.contains("ROLE_" + Roles.CASEWORKER);
    List<Navigation.Link> links = Navigation.links(authentication);
    model.addAttribute("user", authentication.getName());
    model.addAttribute("links", links);
    model.addAttribute("prefectureOnly", !admin && !supervisor && !worker);
    return "index";
  }

  @GetMapping("/login")
  String login(Model model) {
    model.addAttribute("proConnect", signInOptions.proConnect());
    model.addAttribute("localPasswords", signInOptions.localPasswords());
    return "login";
  }
}
