package fr.raccroche.pathway;

import fr.raccroche.security.Roles;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashSet;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "À faire": what a coordinator (their perimeters) or a supervisor (every perimeter) has to watch
 * (docs/specification.md §"À faire"). {@code jours} is N of "sans rien de fait depuis N jours"
 * (default {@link ToDoList#DEFAULT_DAYS}, 1 to {@link ToDoList#MAX_DAYS}).
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COORDINATOR')")
class ToDoPagesController {
  private final ToDoList todo;
  private final CaseScopes scopes;
  private final CaseReads reads;

  ToDoPagesController(ToDoList todo, CaseScopes scopes, CaseReads reads) {
    this.todo = todo;
    this.scopes = scopes;
    this.reads = reads;
  }

  @GetMapping("/todo")
  String show(
      Authentication authentication,
      @RequestParam(name = "jours", required = false) String daysParam,
      HttpServletRequest request,
      Model model) {
    int days = ToDoList.DEFAULT_DAYS;
    if (daysParam != null && !daysParam.isBlank()) {
      String value = daysParam.strip();
      if (value.matches("\\d{1,3}")
          && Integer.parseInt(value) >= 1
          && Integer.parseInt(value) <= ToDoList.MAX_DAYS) {
        days = Integer.parseInt(value);
      } else {
        model.addAttribute(
            "error",
            "Le nombre de jours doit être un nombre entier de 1 à "
                + ToDoList.MAX_DAYS
                + " : « "
                + (value.length() > 20 ? value.substring(0, 20) + "…" : value)
                + " » ne convient pas, la liste utilise "
                + ToDoList.DEFAULT_DAYS
                + " jours.");
      }
    }
    CaseScope scope = scopes.of(authentication);
    Set<String> groups = new HashSet<>();
    for (GrantedAuthority a : authentication.getAuthorities()) {
      if (a.getAuthority().startsWith(Roles.GROUP_AUTHORITY_PREFIX)) {
        groups.add(a.getAuthority().substring(Roles.GROUP_AUTHORITY_PREFIX.length()));
      }
    }
    ToDoList.ToDo lists = todo.of(scope.everyDepartement(), scope.perimeterCodes(), groups, days);
    reads.read(authentication, request, PersonalDataRead.Surface.TODO_PAGE, lists.caseNumbers());
    model.addAttribute("todo", lists);
    model.addAttribute("allPerimeters", scope.all());
    model.addAttribute("defaultDays", ToDoList.DEFAULT_DAYS);
    model.addAttribute("limit", ToDoList.LIMIT);
    return "todo";
  }
}
