package fr.raccroche.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** 401 with a French JSON body for the API (and a Basic challenge), never a login redirect. */
class JsonAuthenticationEntryPoint implements AuthenticationEntryPoint {
  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    response.setHeader("WWW-Authenticate", "Basic realm=\"Raccroche\", charset=\"UTF-8\"");
    JsonErrors.write(request, response, HttpStatus.UNAUTHORIZED, "Authentification requise.");
  }
}
