package fr.raccroche.shared.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * What Tomcat answers itself, when a request never reaches the application: a request target Tomcat
 * cannot read ({@code GET /%}, a character not allowed in a URL), a malformed header. Tomcat's own
 * error report (an English HTML page naming "Apache Tomcat" and its version) is replaced by a short
 * French page, without server information (docs/security.md, R6). Errors the application sees go to
 * {@link FrenchErrorController} as before: this report only writes when nothing else has.
 */
@Component
class FrenchConnectorErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    // The host adds its error report valve when it starts, after the context is prepared.
    factory.addContextCustomizers(
        context -> {
          if (context.getParent() instanceof StandardHost host) {
            host.setErrorReportValveClass(FrenchErrorReportValve.class.getName());
          }
        });
  }

  /** Tomcat's error report, in French and without server information. */
  public static class FrenchErrorReportValve extends ErrorReportValve {
    public FrenchErrorReportValve() {
      setShowReport(false);
      setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      // As Tomcat's own report: only errors, only when nothing was written or reported yet.
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      AtomicBoolean ioAllowed = new AtomicBoolean(true);
      response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
      if (!ioAllowed.get()) {
        return;
      }
      String title = status >= 500 ? "Erreur du serveur" : "Requête refusée";
      String text =
          status >= 500
              ? "Une erreur est survenue. Réessayez dans un instant ; si le problème persiste,"
                  + " contactez l'administrateur."
              : "La requête est mal formée (adresse ou en-tête invalide) : le serveur ne peut pas"
                  + " la lire. Vérifiez l'adresse saisie.";
      String page =
          "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>"
              + title
              + "</title></head><body><h1>"
              + title
              + " ("
              + status
              + ")</h1><p>"
              + text
              + "</p><p><a href=\"/\">Retour à l'accueil</a></p></body></html>";
      try {
        response.setContentType("text/html");
        response.setCharacterEncoding("utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(page);
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException e) {
        // The client went away or the response was already committed: nothing more to say.
      }
    }
  }
}
