package fr.raccroche.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The French page of a ProConnect sign-in that matches no Raccroche account (no self sign-up,
 * docs/security.md S30): which address ProConnect gave, and whom to ask for an account.
 */
@Controller
class ProConnectPages {
  static final String UNKNOWN_ACCOUNT_PAGE = "/connexion/compte-inconnu";
  private static final String EMAIL = ProConnectPages.class.getName() + ".email";
  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(ProConnectPages.class);

  private final String contact;

  ProConnectPages(@Value("${raccroche.security.proconnect.contact:}") String contact) {
    this.contact = contact.strip();
  }

  @GetMapping(UNKNOWN_ACCOUNT_PAGE)
  String unknownAccount(HttpServletRequest request, Model model) {
    HttpSession session = request.getSession(false);
    Object email = session == null ? null : session.getAttribute(EMAIL);
    model.addAttribute("email", email == null ? "" : email.toString());
    model.addAttribute("contact", contact);
    return "proconnect-unknown";
  }

  /** oauth2Login's failure: an unknown account to its page, anything else to the login page. */
  static void signInFailed(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    if (failure instanceof OAuth2AuthenticationException oauth2
        && ProConnectUserService.UNKNOWN_ACCOUNT.equals(oauth2.getError().getErrorCode())) {
      request.getSession().setAttribute(EMAIL, oauth2.getError().getDescription());
      response.sendRedirect(request.getContextPath() + UNKNOWN_ACCOUNT_PAGE);
      return;
    }
    // The provider's error code only (never the person's address).
    log.warn(
        "ProConnect sign-in failed: {}",
        failure instanceof OAuth2AuthenticationException oauth2
            ? oauth2.getError().getErrorCode() + " " + oauth2.getError().getDescription()
            : failure.getClass().getSimpleName() + " " + failure.getMessage());
    response.sendRedirect(request.getContextPath() + "/login?error");
  }
}
