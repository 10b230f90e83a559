package fr.raccroche.messages.internal;

import fr.raccroche.shared.InvalidInputException;
import fr.raccroche.shared.PhoneNumbers;
import fr.raccroche.shared.TextRules;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks the address a message goes to: a French 400 for a malformed telephone number or e-mail
 * address, or a number that cannot receive an SMS (a landline). The message names the field, never
 * the address (it may end in a log through the error's field list).
 */
public final class Addresses {
  // One address: a local part and a domain with a dot, no spaces, no second "@" (RFC 5321 limits).
  private static final Pattern EMAIL =
      Pattern.compile(
          "^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
              + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

  private Addresses() {}

  /**
   * The mobile number in E.164. French numbers must be mobiles (+336, +337, and the overseas mobile
   * prefixes); a foreign number is taken as it is.
   */
  public static String mobile(String number, String field, String whose) {
    if (number == null || number.isBlank()) {
      throw new InvalidInputException(
          field, "Aucun numéro de téléphone n'est connu " + whose + ".");
    }
    String e164 =
        PhoneNumbers.toE164(number)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        field,
                        "Le numéro de téléphone "
                            + whose
                            + " est mal formé : corrigez-le dans le dossier avant d'envoyer un"
                            + " SMS."));
    if (isFrenchLandline(e164)) {
      throw new InvalidInputException(
          field,
          "Le numéro de téléphone "
              + whose
              + " n'est pas un numéro de mobile : il ne peut pas recevoir de SMS.");
    }
    return e164;
  }

  /** The e-mail address, trimmed and with its domain in lower case. */
  public static String email(String address, String field, String whose) {
    if (address == null || address.isBlank()) {
      throw new InvalidInputException(
          field, "Aucune adresse électronique n'est connue " + whose + ".");
    }
    String a = address.strip();
    if (a.length() > 254 || TextRules.firstForbidden(a) >= 0 || !EMAIL.matcher(a).matches()) {
      throw new InvalidInputException(
          field,
          "L'adresse électronique "
              + whose
              + " est mal formée : corrigez-la dans le dossier avant d'envoyer un courriel.");
    }
    int at = a.lastIndexOf('@');
    return a.substring(0, at) + a.substring(at).toLowerCase(Locale.ROOT);
  }

  /** The form an address is compared in for "STOP" (case of e-mails ignored). */
  public static String canonical(String address) {
    String a = address.strip();
    if (a.contains("@")) {
      return a.toLowerCase(Locale.ROOT);
    }
    return PhoneNumbers.toE164(a).orElse(a);
  }

  private static boolean isFrenchLandline(String e164) {
    if (e164.startsWith("+33")) {
      return !(e164.startsWith("+336") || e164.startsWith("+337"));
    }
    // Overseas: the mobile prefixes of the ARCEP plan (06 90/91, 06 94, 06 96/97, 06 39, 06 92/93).
    for (String mobile :
        new String[] {
          "+590690", "+590691", "+594694", "+596696", "+596697", "+262639", "+262692", "+262693"
        }) {
      if (e164.startsWith(mobile)) {
        return false;
      }
    }
    return e164.startsWith("+590")
        || e164.startsWith("+594")
        || e164.startsWith("+596")
        || e164.startsWith("+262");
  }
}
