package fr.raccroche.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than {@code raccroche.security.max-request-body} (1 MB by default)
 * with a French 413, before anything reads them: JSON, forms and engine-rest calls are small. File
 * uploads (multipart) have their own limit ({@code spring.servlet.multipart.*}, 100 MB). A body
 * sent without its length is refused too: every client here sends it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimitFilter extends OncePerRequestFilter {
  private final long maxBytes;

  RequestSizeLimitFilter(@Value("${raccroche.security.max-request-body:1048576}") long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String type = request.getContentType();
    boolean multipart = type != null && type.toLowerCase().startsWith("multipart/");
    long length = request.getContentLengthLong();
    boolean chunked = "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
    if (!multipart && (length > maxBytes || chunked)) {
      JsonErrors.write(
          request,
          response,
          HttpStatus.PAYLOAD_TOO_LARGE,
          "La requête est trop volumineuse (au plus "
              + (maxBytes / 1024)
              + " Ko, hors envoi de fichier).");
      return;
    }
    chain.doFilter(request, response);
  }
}
