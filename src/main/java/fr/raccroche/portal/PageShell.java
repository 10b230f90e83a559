package fr.raccroche.portal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the shell of every page (templates/layout.html) needs: the main menu for the signed-in user
 * and the path of the page, which the menu marks as current ({@code aria-current="page"}).
 */
@ControllerAdvice(annotations = Controller.class)
class PageShell {

  @ModelAttribute("menu")
  Map<Navigation.Section, List<Navigation.Link>> menu(Authentication authentication) {
    if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
      return Map.of();
    }
    return Navigation.menu(authentication);
  }

  @ModelAttribute("currentPath")
  String currentPath(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
