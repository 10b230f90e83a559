package fr.raccroche.messages.internal;

import fr.raccroche.messages.Channel;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OptOutRepository extends JpaRepository<OptOutEntity, Long> {
  Optional<OptOutEntity> findByChannelAndAddressHash(Channel channel, String addressHash);
}
