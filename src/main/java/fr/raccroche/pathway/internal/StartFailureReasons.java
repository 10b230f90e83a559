package fr.raccroche.pathway.internal;

import fr.raccroche.shared.InvalidInputException;
import fr.raccroche.shared.NotFoundException;
import fr.raccroche.shared.TransientFailures;

/**
 * Why a pathway could not start, in French, for the supervisor who will fix the cause and retry:
 * what kind of failure, where to look, never the young person's data (an engine's or a driver's
 * message may quote it: only classes and SQL states are read).
 */
public final class StartFailureReasons {
  static final int MAX_LENGTH = 300;

  private StartFailureReasons() {}

  public static String of(Throwable e) {
    String reason;
    if (TransientFailures.causedBy(
        e, t -> t instanceof InvalidInputException || t instanceof NotFoundException)) {
      // Our own domain messages are French and name codes, never a person.
      Throwable ours =
          first(e, t -> t instanceof InvalidInputException || t instanceof NotFoundException);
      reason = "Données du dossier refusées : " + ours.getMessage();
    } else if (TransientFailures.causedBy(
        e,
        t ->
            t.getClass().getName().startsWith("org.camunda.bpm.dmn.")
                || t.getClass().getSimpleName().contains("Decision"))) {
      reason =
          "La décision de qualification n'a pas pu être évaluée avec les données de ce dossier :"
              + " vérifiez le niveau, l'âge et la source, puis relancez.";
    } else if (TransientFailures.causedBy(
        e,
        t ->
            t instanceof org.camunda.bpm.engine.exception.NotFoundException
                || t instanceof org.camunda.bpm.engine.exception.NullValueException)) {
      reason =
          "Le processus du parcours est introuvable dans le moteur (déploiement manquant) :"
              + " à signaler à l'exploitant.";
    } else if (TransientFailures.sqlState(e) != null) {
      reason =
          "La base de données a refusé l'enregistrement (code SQL "
              + TransientFailures.sqlState(e)
              + ") : à signaler à l'exploitant avec le numéro du dossier.";
    } else {
      reason =
          "Erreur technique ("
              + first(e, t -> t.getCause() == null || t.getCause() == t).getClass().getSimpleName()
              + ") : à signaler à l'exploitant avec le numéro du dossier.";
    }
    return reason.length() > MAX_LENGTH ? reason.substring(0, MAX_LENGTH - 1) + "…" : reason;
  }

  private static Throwable first(Throwable e, java.util.function.Predicate<Throwable> which) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (which.test(t)) {
        return t;
      }
    }
    return e;
  }
}
