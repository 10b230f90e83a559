package fr.raccroche.pathway.internal;

import fr.raccroche.pathway.CaseStatus;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

/**
 * The case list's query: the scope of {@link SupportCaseRepository#search}, the list's filters and
 * its sort. Native SQL because two filters read the engine's tables, as the "À faire" page does
 * through the engine's API: "en retard" is an open task of the pathway past its due date; "sans
 * activité depuis N jours" is an open case, started and detected N days ago or more, of which no
 * task was completed since (Camunda's history of tasks). The SQL is built from constants only: the
 * sort comes from {@link Sort}, every value is a bound parameter.
 */
@Component
public class CaseListQuery {

  /** The sortable columns of the case list. */
  public enum Sort {
    CASE_NUMBER("c.case_number"),
    LAST_NAME("lower(p.last_name)"),
    FIRST_NAME("lower(p.first_name)"),
    PERIMETER("c.perimeter_code"),
    STATUS(
        Stream.of(CaseStatus.values())
            .map(s -> "when '" + s.name() + "' then " + s.ordinal())
            .collect(Collectors.joining(" ", "(case c.status ", " end)"))),
    DETECTED_ON("c.detected_on"),
    REFERENT("c.referent_partner_code");

    private final String expression;

    Sort(String expression) {
      this.expression = expression;
    }
  }

  /** The filters (null: any); {@code pattern} is {@code text} escaped for LIKE. */
  public record Criteria(
      boolean all,
      Collection<String> departements,
      Collection<String> perimeters,
      Collection<String> partners,
      String perimeter,
      String referent,
      CaseStatus status,
      String text,
      String pattern,
      boolean overdue,
      Instant now,
      LocalDate silentSince,
      Instant silentCutoff) {}

  private final EntityManager em;
  private final SupportCaseRepository cases;

  CaseListQuery(EntityManager em, SupportCaseRepository cases) {
    this.em = em;
    this.cases = cases;
  }

  public Page<SupportCaseEntity> find(
      Criteria criteria, Sort sort, boolean ascending, Pageable pageable) {
    Map<String, Object> params = new LinkedHashMap<>();
    String from = from(criteria, params);
    Query count = em.createNativeQuery("select count(*) " + from);
    params.forEach(count::setParameter);
    long total = ((Number) count.getSingleResult()).longValue();
    if (total == 0 || pageable.getOffset() >= total) {
      return new PageImpl<>(List.of(), pageable, total);
    }
    String dir = ascending ? " asc" : " desc";
    String order =
        switch (sort) {
          // Nulls last whatever the direction, on H2 as on PostgreSQL.
          case REFERENT ->
              " order by (case when c.referent_partner_code is null then 1 else 0 end),"
                  + sort.expression
                  + dir;
          case DETECTED_ON -> " order by c.detected_on" + dir + ", c.created_at" + dir;
          default -> " order by " + sort.expression + dir;
        };
    Query select =
        em.createNativeQuery("select c.case_number " + from + order + ", c.case_number" + dir);
    params.forEach(select::setParameter);
    select.setFirstResult((int) pageable.getOffset());
    select.setMaxResults(pageable.getPageSize());
    List<String> numbers = new ArrayList<>();
    for (Object n : select.getResultList()) {
      numbers.add((String) n);
    }
    Map<String, SupportCaseEntity> byNumber = new HashMap<>();
    cases.findAllById(numbers).forEach(c -> byNumber.put(c.getCaseNumber(), c));
    List<SupportCaseEntity> content =
        numbers.stream().map(byNumber::get).filter(c -> c != null).toList();
    return new PageImpl<>(content, pageable, total);
  }

  private static String from(Criteria c, Map<String, Object> params) {
    StringBuilder sql =
        new StringBuilder(
            "from support_case c join young_person p on p.id = c.person_id where 1 = 1");
    if (!c.all()) {
      sql.append(
          " and (c.perimeter_code in (:perimeters) or c.referent_partner_code in (:partners))");
      params.put("perimeters", c.perimeters());
      params.put("partners", c.partners());
    } else if (c.departements() != null) {
      // A supervisor: every case of their départements (docs/specification.md §1).
      sql.append(" and c.departement in (:departements)");
      params.put("departements", c.departements());
    }
    if (c.perimeter() != null) {
      sql.append(" and c.perimeter_code = :perimeter");
      params.put("perimeter", c.perimeter());
    }
    if (c.referent() != null) {
      sql.append(" and c.referent_partner_code = :referent");
      params.put("referent", c.referent());
    }
    if (c.status() != null) {
      sql.append(" and c.status = :status");
      params.put("status", c.status().name());
    }
    if (c.text() != null) {
      sql.append(
          " and (lower(c.case_number) like :pattern escape '\\'"
              + " or lower(p.ine) = :text"
              + " or lower(p.last_name) like :pattern escape '\\'"
              + " or lower(p.first_name) like :pattern escape '\\')");
      params.put("text", c.text());
      params.put("pattern", "%" + c.pattern() + "%");
    }
    if (c.overdue()) {
      sql.append(
          " and c.status <> 'CLOSED' and exists (select 1 from act_ru_task t"
              + " where t.proc_inst_id_ = c.process_instance_id and t.due_date_ < :now)");
      params.put("now", Timestamp.from(c.now()));
    }
    if (c.silentSince() != null) {
      sql.append(
          " and c.status <> 'CLOSED' and c.process_instance_id is not null"
              + " and c.detected_on <= :silentSince"
              + " and not exists (select 1 from act_hi_taskinst h"
              + " where h.proc_inst_id_ = c.process_instance_id and h.end_time_ >= :silentCutoff)");
      params.put("silentSince", c.silentSince());
      params.put("silentCutoff", Timestamp.from(c.silentCutoff()));
    }
    return sql.toString();
  }
}
