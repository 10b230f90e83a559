package fr.raccroche.indicators.internal;

import fr.raccroche.shared.ClusterLock;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds {@code indicator_count} from the facts at the first start after its migration (a database
 * that already had cases), and whenever an operator has emptied {@code indicator_count_state} to
 * ask for a rebuild. Runs before the demo loaders. Under the cluster's startup lock: two nodes
 * starting together on the same database build the counts once (the second finds them built).
 */
@Component
@Order(0)
class IndicatorCountsStartup implements ApplicationRunner {
  private final IndicatorCounts counts;
  private final TransactionTemplate transactions;
  private final ClusterLock clusterLock;

  IndicatorCountsStartup(
      IndicatorCounts counts, TransactionTemplate transactions, ClusterLock clusterLock) {
    this.counts = counts;
    this.transactions = transactions;
    this.clusterLock = clusterLock;
  }

  @Override
  public void run(ApplicationArguments args) {
    transactions.executeWithoutResult(
        tx -> {
          clusterLock.lockForTransaction(ClusterLock.STARTUP);
          if (!counts.built()) {
            counts.rebuild();
          }
        });
  }
}
