package fr.raccroche.pathway;

import fr.raccroche.pathway.internal.SupportCaseEntity;
import fr.raccroche.pathway.internal.SupportCaseRepository;
import fr.raccroche.pathway.internal.YoungPersonEntity;
import fr.raccroche.pathway.internal.YoungPersonRepository;
import fr.raccroche.security.CaseAccessService;
import fr.raccroche.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Irreversible anonymisation of a young person's record (retention period over, or a
 * data-protection objection): names, INE, contact details, legal guardian and the cases' free text
 * are erased; the birth date keeps only its year; sex, places and every case's status, dates,
 * perimeter and milestones stay, so that the indicators keep their counts. Publishes {@link
 * PersonErased} for the modules that hold more of the person's data.
 */
@Service
@Transactional
public class PersonalDataErasure {
  /** What replaces the last name; the first name is emptied. */
  public static final String ANONYMISED_NAME = "ANONYMISÉ";

  private final YoungPersonRepository persons;
  private final SupportCaseRepository cases;
  private final ApplicationEventPublisher events;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final CaseAccessService access;
  private final fr.raccroche.pathway.internal.CaseSignalementRepository signalements;
  private final Clock clock;
  private final org.springframework.beans.factory.ObjectProvider<
          fr.raccroche.pathway.internal.RetentionCandidates>
      candidates;

  PersonalDataErasure(
      YoungPersonRepository persons,
      SupportCaseRepository cases,
      ApplicationEventPublisher events,
      RuntimeService runtime,
      HistoryService history,
      CaseAccessService access,
      fr.raccroche.pathway.internal.CaseSignalementRepository signalements,
      org.springframework.beans.factory.ObjectProvider<
              fr.raccroche.pathway.internal.RetentionCandidates>
          candidates,
      Optional<Clock> clock) {
    this.candidates = candidates;
    this.signalements = signalements;
    this.persons = persons;
    this.cases = cases;
    this.events = events;
    this.runtime = runtime;
    this.history = history;
    this.access = access;
    this.clock = clock.orElse(Clock.systemDefaultZone());
  }

  /**
   * People not yet anonymised whose every case is closed, the last one before {@code closedBefore}
   * (at most {@code max}, oldest closure first).
   */
  @Transactional(readOnly = true)
  public List<Long> dueForErasure(Instant closedBefore, int max) {
    return cases.findPersonsClosedBefore(closedBefore, PageRequest.of(0, max));
  }

  /**
   * The same when some départements keep personal data for another period: each case closed before
   * the cutoff of its département ({@code closedBefore} for the others).
   */
  @Transactional(readOnly = true)
  public List<Long> dueForErasure(
      java.util.Map<String, Instant> closedBeforeByDepartement, Instant closedBefore, int max) {
    if (closedBeforeByDepartement.isEmpty()) {
      return dueForErasure(closedBefore, max);
    }
    return candidates.getObject().find(closedBeforeByDepartement, closedBefore, max);
  }

  /** The person a case belongs to. */
  @Transactional(readOnly = true)
  public long personOf(String caseNumber) {
    return cases
        .findById(caseNumber)
        .map(SupportCaseEntity::getPersonId)
        .orElseThrow(() -> new NotFoundException("Dossier inconnu : " + caseNumber + "."));
  }

  /** The person's cases still open (a withdrawal closes them before the erasure). */
  @Transactional(readOnly = true)
  public List<String> openCasesOf(long personId) {
    return cases.findOpenByPersonIds(List.of(personId)).stream()
        .map(SupportCaseEntity::getCaseNumber)
        .toList();
  }

  /**
   * Anonymises the person and the free text of their cases (all closed), deletes their pathway
   * instances from Camunda's runtime and history (variables, tasks, comments, decisions, details)
   * with the authorizations naming them, then publishes {@link PersonErased}. Refused while a case
   * is open. Erasing an anonymised person again does nothing.
   */
  public PersonErased erase(long personId) {
    YoungPersonEntity p =
        persons
            .findById(personId)
            .orElseThrow(() -> new NotFoundException("Personne inconnue : " + personId + "."));
    List<SupportCaseEntity> all = cases.findByPersonId(personId);
    if (all.stream().anyMatch(c -> c.getStatus() != CaseStatus.CLOSED)) {
      throw new IllegalStateException("Person " + personId + " still has an open case");
    }
    List<String> caseNumbers = all.stream().map(SupportCaseEntity::getCaseNumber).toList();
    List<String> instances =
        all.stream().map(SupportCaseEntity::getProcessInstanceId).filter(Objects::nonNull).toList();
    if (p.isAnonymised()) {
      return new PersonErased(personId, caseNumbers, instances);
    }
    Instant now = Instant.now(clock);
    p.setIne(null);
    p.setLastName(ANONYMISED_NAME);
    p.setFirstName("");
    p.setNameKey("anonymise|" + personId);
    p.setBirthDate(LocalDate.of(p.getBirthDate().getYear(), 1, 1));
    p.setAddress(null);
    p.setPhone(null);
    p.setEmail(null);
    p.setLegalGuardian(null);
    p.setGuardianPhone(null);
    p.setAnonymised(true);
    p.setUpdatedAt(now);
    for (SupportCaseEntity c : all) {
      c.setLeavingReason(null);
      c.setLastTraining(null);
      c.setUpdatedAt(now);
    }
    if (!instances.isEmpty()) {
      // A closed case's instance has ended; an instance still there is removed without running
      // its listeners (the case is closed already).
      runtime.deleteProcessInstancesIfExists(
          instances, "Effacement des données personnelles", true, true, false);
      // Decisions are not part of an instance's history deletion: removed by their own ids.
      List<String> decisions = new ArrayList<>();
      for (String instance : instances) {
        history.createHistoricDecisionInstanceQuery().processInstanceId(instance).list().stream()
            .map(HistoricDecisionInstance::getId)
            .forEach(decisions::add);
      }
      if (!decisions.isEmpty()) {
        history.deleteHistoricDecisionInstancesBulk(decisions);
      }
      history.deleteHistoricProcessInstancesIfExists(instances);
      instances.forEach(access::forgetInstance);
    }
    eraseOtherProcesses(caseNumbers, instances);
    signalements.deleteByCaseNumbers(caseNumbers);
    PersonErased erased = new PersonErased(personId, caseNumbers, instances);
    events.publishEvent(erased);
    return erased;
  }

  /**
   * The other processes about these cases (a signalement from another perimeter, a pathway start's
   * recovery), found by their business key, the case number: removed from runtime and history.
   */
  private void eraseOtherProcesses(List<String> caseNumbers, List<String> pathways) {
    List<String> others = new ArrayList<>();
    for (String caseNumber : caseNumbers) {
      history
          .createHistoricProcessInstanceQuery()
          .processInstanceBusinessKey(caseNumber)
          .list()
          .forEach(
              h -> {
                if (!pathways.contains(h.getId())) {
                  others.add(h.getId());
                }
              });
    }
    if (!others.isEmpty()) {
      runtime.deleteProcessInstancesIfExists(
          others, "Effacement des données personnelles", true, true, false);
      history.deleteHistoricProcessInstancesIfExists(others);
      others.forEach(access::forgetInstance);
    }
  }
}
