package fr.raccroche.pathway.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * The people due for anonymisation when the retention period differs by département (docs/
 * specification.md §6): every case closed, each before the cutoff of its own département. The SQL
 * is built from constants; département codes and cutoffs are bound values.
 */
@Component
public class RetentionCandidates {
  // Typed, or PostgreSQL reads a bound value inside CASE as text.
  private static final String TIMESTAMP = "cast(%s as timestamp with time zone)";

  private final EntityManager em;

  RetentionCandidates(EntityManager em) {
    this.em = em;
  }

  public List<Long> find(Map<String, Instant> cutoffByDepartement, Instant cutoff, int max) {
    Map<String, Instant> overrides = new TreeMap<>(cutoffByDepartement);
    StringBuilder due = new StringBuilder();
    if (overrides.isEmpty()) {
      due.append(TIMESTAMP.formatted(":cutoff"));
    } else {
      due.append("(case c.departement");
      for (int i = 0; i < overrides.size(); i++) {
        due.append(" when :d").append(i).append(" then ").append(TIMESTAMP.formatted(":c" + i));
      }
      due.append(" else ").append(TIMESTAMP.formatted(":cutoff")).append(" end)");
    }
    Query query =
        em.createNativeQuery(
            "select c.person_id from support_case c join young_person p on p.id = c.person_id"
                + " where p.anonymised = false group by c.person_id"
                + " having sum(case when c.status <> 'CLOSED' or c.closed_at is null"
                + " or c.closed_at >= "
                + due
                + " then 1 else 0 end) = 0"
                + " order by max(c.closed_at), c.person_id");
    query.setParameter("cutoff", cutoff);
    int i = 0;
    for (Map.Entry<String, Instant> e : overrides.entrySet()) {
      query.setParameter("d" + i, e.getKey());
      query.setParameter("c" + i, e.getValue());
      i++;
    }
    query.setMaxResults(max);
    List<Long> ids = new ArrayList<>();
    for (Object id : query.getResultList()) {
      ids.add(((Number) id).longValue());
    }
    return ids;
  }
}
