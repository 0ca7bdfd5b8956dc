package dev.shipshape.portal.scorecards;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;

import dev.shipshape.catalog.CatalogEvents;
import dev.shipshape.catalog.CatalogNames;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Marks a service's results stale in the same transaction as the change to its catalog entry or
 * facts, so that no change is ever left unevaluated. Marks are collected and written once, just
 * before the commit, so that an import of thousands of services costs one batch.
 */
@Component
class StaleResultsMarker {

	private final ResultStore results;

	private final ResultsWorker worker;

	private final Clock clock;

	StaleResultsMarker(ResultStore results, ResultsWorker worker, Clock clock) {
		this.results = results;
		this.worker = worker;
		this.clock = clock;
	}

	@EventListener
	void on(CatalogEvents.ServiceChanged changed) {
		mark(changed.name());
	}

	@EventListener
	void on(CatalogEvents.FactsChanged changed) {
		mark(changed.name());
	}

	@EventListener
	void on(CatalogEvents.ServiceRemoved removed) {
		this.results.remove(CatalogNames.key(removed.name()));
	}

	private void mark(String serviceName) {
		String key = CatalogNames.key(serviceName);
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			this.results.markStale(Set.of(key), this.clock.instant());
			this.worker.wake();
			return;
		}
		PendingMarks pending = (PendingMarks) TransactionSynchronizationManager.getResource(this);
		if (pending == null) {
			pending = new PendingMarks();
			TransactionSynchronizationManager.bindResource(this, pending);
			TransactionSynchronizationManager.registerSynchronization(pending);
		}
		pending.keys.add(key);
	}

	/** The services marked in one transaction. */
	private final class PendingMarks implements TransactionSynchronization {

		private final Set<String> keys = new LinkedHashSet<>();

		@Override
		public void beforeCommit(boolean readOnly) {
			StaleResultsMarker.this.results.markStale(this.keys, StaleResultsMarker.this.clock.instant());
		}

		@Override
		public void afterCommit() {
			StaleResultsMarker.this.worker.wake();
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(StaleResultsMarker.this);
		}
	}
}
