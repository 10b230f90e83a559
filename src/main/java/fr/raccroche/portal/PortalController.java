package fr.raccroche.portal;

import fr.raccroche.security.Roles;
import fr.raccroche.security.SignInOptions;
import java.util.ArrayList;
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

  /** A link of the landing page. */
  record Link(String title, String description, String href) {}

  @GetMapping("/")
  String home(Authentication authentication, Model model) {
    List<String> authorities =
        authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    boolean admin = authorities.contains("ROLE_" + Roles.ADMIN);
    boolean supervisor = authorities.contains("ROLE_" + Roles.SUPERVISOR);
    boolean worker =
        authorities.contains("ROLE_" + Roles.COORDINATOR)
            || authorities.contains("ROLE_" + Roles.CASEWORKER);
    List<Link> links = new ArrayList<>();
    if (admin || supervisor || worker) {
      links.add(
          new Link(
              "Tasklist",
              "Les tâches à traiter : contacter un jeune, analyser ses besoins, l'orienter, le suivre.",
              "/camunda/app/tasklist/"));
    }
    if (admin || supervisor || authorities.contains("ROLE_" + Roles.COORDINATOR)) {
      links.add(
          new Link(
              "À faire",
              "Les tâches en retard, les jeunes en attente d'une nouvelle tentative, les"
                  + " orientations sans réponse et les dossiers sans activité.",
              "/todo"));
    }
    if (admin || supervisor || worker) {
      links.add(
          new Link(
              "Dossiers",
              "Les dossiers des jeunes de votre périmètre ou orientés vers votre structure.",
              "/cases"));
    }
    if (admin || supervisor || authorities.contains("ROLE_" + Roles.COORDINATOR)) {
      links.add(
          new Link(
              "Signaler un jeune",
              "Ouvrir un dossier pour un jeune qui se présente de lui-même.",
              "/cases/new"));
    }
    if (admin || supervisor) {
      links.add(
          new Link(
              "Imports",
              "Importer les listes de repérage (Éducation nationale, agriculture, CFA, Justice, Missions locales…) et suivre les rapports.",
              "/imports"));
      links.add(
          new Link(
              "Cockpit",
              "Le suivi de tous les parcours en cours : où en est chaque jeune, retards, incidents.",
              "/camunda/app/cockpit/"));
      links.add(
          new Link(
              "Journal des accès",
              "Qui a consulté les données personnelles de quel dossier, quand et d'où.",
              "/access-log"));
    }
    if (admin) {
      links.add(
          new Link(
              "Admin",
              "Les utilisateurs, les groupes et les autorisations.",
              "/camunda/app/admin/"));
      links.add(
          new Link(
              "Messages envoyés",
              "Les SMS et courriels partis (ou seulement enregistrés par le fournisseur « log »),"
                  + " leur statut et leur texte.",
              "/messages"));
    }
    boolean prefecture = authorities.contains("ROLE_" + Roles.PREFECTURE);
    boolean coordinator = authorities.contains("ROLE_" + Roles.COORDINATOR);
    if (admin || supervisor || prefecture || coordinator) {
      links.add(
          new Link(
              "Indicateurs trimestriels",
              "Les trois indicateurs du trimestre par périmètre, leur tendance, les objectifs ;"
                  + " exports CSV et PDF.",
              "/indicators"));
    }
    links.add(
        new Link(
            "Offres locales",
            "Le catalogue partagé des offres de formation, d'information et d'accompagnement, et son export data·inclusion.",
            "/offers"));
    if (admin || supervisor || prefecture || coordinator) {
      links.add(
          new Link(
              "Diagnostic territorial",
              "Les forces et faiblesses de chaque périmètre : besoins repérés, offres, délais, taux de prise en charge et de solution.",
              "/diagnoses"));
    }
    links.add(
        new Link(
            "Expérimentations",
            "Les appels à projets, le budget accordé et les résultats des projets (totaux seulement).",
            "/experiments"));
    links.add(
        new Link(
            "Territoire",
            "Les périmètres de coordination, les partenaires et les établissements (API JSON).",
            "/api/perimeters"));
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
