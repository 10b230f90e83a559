package fr.raccroche.coordination.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.springframework.stereotype.Component;

/** Row lock on a call, so that two grants never overspend its envelope together. */
@Component
public class CallLock {
  private final EntityManager em;

  CallLock(EntityManager em) {
    this.em = em;
  }

  public CallEntity lock(long callId) {
    return em.find(CallEntity.class, callId, LockModeType.PESSIMISTIC_WRITE);
  }
}
