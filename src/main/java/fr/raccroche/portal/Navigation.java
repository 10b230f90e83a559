package fr.raccroche.portal;

import fr.raccroche.security.Roles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * What a user can open, by role: the landing page's cards and the main menu of every page (the same
 * list, so the menu never offers a page the role cannot open).
 */
final class Navigation {
  private Navigation() {}

  /** A menu entry of the header; a card of the landing page. */
  record Link(String title, String description, String href, Section section) {}

  /** The main menu's groups, in order. */
  enum Section {
    SUPPORT("Accompagnement"),
    STEERING("Pilotage"),
    RESOURCES("Ressources"),
    ADMINISTRATION("Administration");

    private final String label;

    Section(String label) {
      this.label = label;
    }

    /** Public: the shell (layout.html) reads it through SpEL, which finds public methods only. */
    public String label() {
      return label;
    }
  }

  /** The links grouped by section, sections in menu order, empty sections left out. */
  static Map<Section, List<Link>> menu(Authentication authentication) {
    Map<Section, List<Link>> menu = new LinkedHashMap<>();
    for (Section section : Section.values()) {
      List<Link> links =
          links(authentication).stream().filter(link -> link.section() == section).toList();
      if (!links.isEmpty()) {
        menu.put(section, links);
      }
    }
    return menu;
  }

  static List<Link> links(Authentication authentication) {
    List<String> authorities =
        authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    boolean admin = authorities.contains("ROLE_" + Roles.ADMIN);
    boolean supervisor = authorities.contains("ROLE_" + Roles.SUPERVISOR);
    boolean worker =
        authorities.contains("ROLE_" + Roles.COORDINATOR)
            || authorities.contains("ROLE_" + Roles.CASEWORKER);
    // The regional steering group reads its own page only (aggregates of the region).
    boolean regionOnly =
        authorities.contains("ROLE_" + Roles.REGION)
            && authorities.stream()
                .filter(x -> x.startsWith("ROLE_"))
                .allMatch(x -> x.equals("ROLE_" + Roles.REGION));
    List<Link> links = new ArrayList<>();
    if (admin || supervisor || worker) {
      links.add(
          new Link(
              "Tasklist",
              "Les tâches à traiter : contacter un jeune, analyser ses besoins, l'orienter, le suivre.",
              "/camunda/app/tasklist/",
              Section.SUPPORT));
    }
    if (admin || supervisor || authorities.contains("ROLE_" + Roles.COORDINATOR)) {
      links.add(
          new Link(
              "À faire",
              "Les tâches en retard, les jeunes en attente d'une nouvelle tentative, les"
                  + " orientations sans réponse et les dossiers sans activité.",
              "/todo",
              Section.SUPPORT));
    }
    if (admin || supervisor || worker) {
      links.add(
          new Link(
              "Dossiers",
              "Les dossiers des jeunes de votre périmètre ou orientés vers votre structure.",
              "/cases",
              Section.SUPPORT));
    }
    if (admin || supervisor || authorities.contains("ROLE_" + Roles.COORDINATOR)) {
      links.add(
          new Link(
              "Signaler un jeune",
              "Ouvrir un dossier pour un jeune qui se présente de lui-même.",
              "/cases/new",
              Section.SUPPORT));
    }
    if (admin || supervisor) {
      links.add(
          new Link(
              "Imports",
              "Importer les listes de repérage (Éducation nationale, agriculture, CFA, Justice, Missions locales…) et suivre les rapports.",
              "/imports",
              Section.SUPPORT));
      links.add(
          new Link(
              "Cockpit",
              "Le suivi de tous les parcours en cours : où en est chaque jeune, retards, incidents.",
              "/camunda/app/cockpit/",
              Section.ADMINISTRATION));
      links.add(
          new Link(
              "Journal des accès",
              "Qui a consulté les données personnelles de quel dossier, quand et d'où.",
              "/access-log",
              Section.ADMINISTRATION));
    }
    if (admin) {
      links.add(
          new Link(
              "Admin",
              "Les utilisateurs, les groupes et les autorisations.",
              "/camunda/app/admin/",
              Section.ADMINISTRATION));
      links.add(
          new Link(
              "Messages envoyés",
              "Les SMS et courriels partis (ou seulement enregistrés par le fournisseur « log »),"
                  + " leur statut et leur texte.",
              "/messages",
              Section.ADMINISTRATION));
    }
    boolean prefecture = authorities.contains("ROLE_" + Roles.PREFECTURE);
    boolean coordinator = authorities.contains("ROLE_" + Roles.COORDINATOR);
    if (admin || supervisor || prefecture || coordinator) {
      links.add(
          new Link(
              "Indicateurs trimestriels",
              "Les trois indicateurs du trimestre par périmètre, leur tendance, les objectifs ;"
                  + " exports CSV et PDF.",
              "/indicators",
              Section.STEERING));
    }
    if (admin || authorities.contains("ROLE_" + Roles.REGION)) {
      links.add(
          new Link(
              "Pilotage régional",
              "Les indicateurs des départements de la région côte à côte et consolidés, les"
                  + " objectifs régionaux, la tendance par département ; exports CSV et PDF.",
              "/region",
              Section.STEERING));
    }
    if (!regionOnly) {
      links.add(
          new Link(
              "Offres locales",
              "Le catalogue partagé des offres de formation, d'information et d'accompagnement, et son export data·inclusion.",
              "/offers",
              Section.RESOURCES));
    }
    if (admin || supervisor || prefecture || coordinator) {
      links.add(
          new Link(
              "Diagnostic territorial",
              "Les forces et faiblesses de chaque périmètre : besoins repérés, offres, délais, taux de prise en charge et de solution.",
              "/diagnoses",
              Section.STEERING));
    }
    if (!regionOnly) {
      links.add(
          new Link(
              "Expérimentations",
              "Les appels à projets, le budget accordé et les résultats des projets (totaux seulement).",
              "/experiments",
              Section.STEERING));
    }
    links.add(
        new Link(
            "Territoire",
            "Les périmètres de coordination, les partenaires et les établissements (API JSON).",
            "/api/perimeters",
            Section.RESOURCES));
    return links;
  }
}
