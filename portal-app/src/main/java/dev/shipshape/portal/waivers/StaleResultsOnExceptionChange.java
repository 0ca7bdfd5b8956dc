package dev.shipshape.portal.waivers;

import dev.shipshape.catalog.CatalogEvents;
import dev.shipshape.waivers.ExceptionEvents;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An exception that starts or stops applying changes what the service's stored results must say:
 * the service is marked for recomputation in the same transaction, as a catalog change would mark
 * it. Readiness and the gate need none of this: they evaluate live.
 */
@Component
class StaleResultsOnExceptionChange {

	private final ApplicationEventPublisher events;

	StaleResultsOnExceptionChange(ApplicationEventPublisher events) {
		this.events = events;
	}

	@EventListener
	void on(ExceptionEvents.ExceptionApproved approved) {
		recompute(approved.service());
	}

	@EventListener
	void on(ExceptionEvents.ExceptionRevoked revoked) {
		recompute(revoked.service());
	}

	@EventListener
	void on(ExceptionEvents.ExceptionExpired expired) {
		recompute(expired.service());
	}

	private void recompute(String service) {
		this.events.publishEvent(new CatalogEvents.ServiceChanged(service));
	}
}
