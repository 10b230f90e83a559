package fr.raccroche.messages.internal;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface MessageRepository extends JpaRepository<MessageEntity, Long> {
  List<MessageEntity> findByCaseNumberOrderByCreatedAtAscIdAsc(String caseNumber);

  List<MessageEntity> findByCaseNumberIn(Collection<String> caseNumbers);

  Page<MessageEntity> findAllByOrderByCreatedAtDescIdDesc(Pageable page);

  Optional<MessageEntity> findByUnsubscribeToken(String token);

  /** The message, its row locked: one worker at a time decides whether it goes. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select m from MessageEntity m where m.id = :id")
  Optional<MessageEntity> lockById(@Param("id") long id);
}
