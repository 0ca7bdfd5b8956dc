package dev.shipshape.portal.audit;

import java.util.Map;

import dev.shipshape.catalog.CatalogEvents.EntryChanged;
import dev.shipshape.catalog.importing.ImportSummary;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records the catalog's changes (teams, people, services, facts, imports) as the catalog announces
 * them, inside the transaction of the change.
 */
@Component
class CatalogAudit {

	private final AuditTrail trail;

	private final JsonMapper json;

	CatalogAudit(AuditTrail trail, JsonMapper json) {
		this.trail = trail;
		this.json = json;
	}

	@EventListener
	void on(EntryChanged changed) {
		this.trail.record(new AuditChange(changed.type() + "." + changed.action(), changed.type(), changed.name(),
				changed.before(), changed.after(), summary(changed)));
	}

	private String summary(EntryChanged changed) {
		String entry = changed.type() + " '" + changed.name() + "'";
		String sentence = switch (changed.action()) {
			case "applied" -> "Imported descriptors from '" + changed.name() + "'" + counts(changed.after());
			case "created" -> "Created " + entry;
			case "updated" -> "Changed " + entry + fields(changed);
			case "deleted" -> "Removed " + entry;
			case "facts_replaced" -> "Replaced the facts of " + entry + fields(changed);
			case "facts_merged" -> "Reported facts of " + entry + fields(changed);
			default -> changed.action() + " " + entry;
		};
		return ("applied".equals(changed.action()) || changed.importSource() == null) ? sentence
				: sentence + " (import of '" + changed.importSource() + "')";
	}

	private String fields(EntryChanged changed) {
		String names = FieldChanges.names(this.json.valueToTree(changed.before()), this.json.valueToTree(changed.after()));
		return names.isEmpty() ? ": nothing changed" : ": " + names;
	}

	private static String counts(Map<String, Object> applied) {
		if (applied == null || !(applied.get("summary") instanceof ImportSummary summary)) {
			return "";
		}
		return ": " + summary.created() + " created, " + summary.updated() + " updated, " + summary.removed()
				+ " removed, " + summary.unchanged() + " unchanged";
	}
}
