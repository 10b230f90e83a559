package fr.raccroche.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code engine-rest} is for programs (HTTP Basic, no session, no CSRF token): a browser must never
 * call it (docs/security.md R7). A browser's Basic credentials, once typed, are sent again by the
 * browser to any page's request — a cross-site request forgery waiting to happen. So: requests that
 * carry a browser's fetch metadata ({@code Sec-Fetch-Mode}) or an {@code Origin} are refused with a
 * French 403 before any authentication, and no answer carries {@code WWW-Authenticate} (a browser
 * never shows a sign-in prompt for engine-rest, so never caches its credentials). People use
 * Tasklist and Cockpit, whose API has the web apps' session and CSRF protection.
 */
class EngineRestBrowserFilter extends OncePerRequestFilter {
  static final String REFUSAL =
      "engine-rest est réservé aux programmes (HTTP Basic) : depuis un navigateur, utilisez"
          + " Tasklist ou Cockpit.";

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getHeader("Sec-Fetch-Mode") != null || request.getHeader("Origin") != null) {
      JsonErrors.write(request, response, HttpStatus.FORBIDDEN, REFUSAL);
      return;
    }
    chain.doFilter(request, new WithoutChallenge(response));
  }

  /** Drops the Basic challenge of 401 answers. */
  private static final class WithoutChallenge extends HttpServletResponseWrapper {
    WithoutChallenge(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setHeader(String name, String value) {
      if (!"WWW-Authenticate".equalsIgnoreCase(name)) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!"WWW-Authenticate".equalsIgnoreCase(name)) {
        super.addHeader(name, value);
      }
    }
  }
}
