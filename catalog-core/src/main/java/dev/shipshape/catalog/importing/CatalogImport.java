package dev.shipshape.catalog.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.shipshape.catalog.CatalogEvents;
import dev.shipshape.catalog.InvalidCatalogEntryException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Catalog as code: imports Backstage-style descriptors of one source (a name the caller gives,
 * typically a repository) into the catalog. {@link #preview} says per entity what an import would
 * do and writes nothing; {@link #apply} does it in one transaction, all or nothing.
 * <p>
 * Components become services, Groups teams, Users people; other kinds and other namespaces than
 * {@code default} are skipped with the reason. One invalid entity refuses the whole request.
 * Entries remember their source and the values it imported: an entry edited by hand since, created
 * by hand or imported from another source is a conflict and is kept unless the request says
 * {@code overwrite}. References to entries that do not exist yet wait and link up when their
 * target arrives, from whichever source. With {@code prune}, entries of the source that are gone
 * from it are removed.
 */
@Service
public class CatalogImport {

	private final DescriptorReader reader;

	private final CatalogImportProperties properties;

	private final CatalogStateLoader states;

	private final CatalogWriter writer;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final TransactionTemplate readOnlyTransaction;

	CatalogImport(CatalogImportProperties properties, CatalogStateLoader states, CatalogWriter writer,
			ApplicationEventPublisher events, PlatformTransactionManager transactionManager) {
		this.reader = new DescriptorReader(properties);
		this.properties = properties;
		this.states = states;
		this.writer = writer;
		this.events = events;
		this.transaction = new TransactionTemplate(transactionManager);
		this.readOnlyTransaction = new TransactionTemplate(transactionManager);
		this.readOnlyTransaction.setReadOnly(true);
	}

	/**
	 * What importing the request would do, entity by entity, and every problem that would refuse
	 * it. Writes nothing.
	 * @throws ImportTooLargeException when the upload is larger than the configured limit
	 */
	public ImportPlan preview(ImportRequest request) {
		checkSource(request.source());
		// Parsed before a transaction starts, so that a slow upload holds no database connection.
		DescriptorReader.Result read = this.reader.read(request.files());
		return this.readOnlyTransaction
			.execute((status) -> plan(request, read, decide(request, read, load(request, read)), false));
	}

	/**
	 * Imports the request in one transaction and returns what it did.
	 * @throws ImportRefusedException when the upload has problems; nothing is written
	 * @throws ImportTooLargeException when the upload is larger than the configured limit
	 * @throws OptimisticLockingFailureException when an entry the import changes was changed by
	 * someone else meanwhile; nothing is written
	 */
	public ImportPlan apply(ImportRequest request) {
		checkSource(request.source());
		DescriptorReader.Result read = this.reader.read(request.files());
		return this.transaction.execute((status) -> {
			this.writer.lock();
			CatalogState state = load(request, read);
			Planned planned = decide(request, read, state);
			ImportPlan plan = plan(request, read, planned, false);
			if (!plan.acceptable()) {
				throw new ImportRefusedException(plan);
			}
			CatalogWriter.Outcome outcome = this.writer.write(request.source(), planned, state);
			outcome.changedServices().forEach((name) -> this.events.publishEvent(new CatalogEvents.ServiceChanged(name)));
			outcome.removedServices().forEach((name) -> this.events.publishEvent(new CatalogEvents.ServiceRemoved(name)));
			ImportPlan applied = plan(request, read, planned, true);
			ImportChanges.of(request, planned, applied).forEach(this.events::publishEvent);
			return applied;
		});
	}

	private CatalogState load(ImportRequest request, DescriptorReader.Result read) {
		Map<CatalogKind, Set<String>> keys = ImportPlanner.keys(read.descriptors());
		return this.states.load(request.source(), keys.get(CatalogKind.PERSON), keys.get(CatalogKind.SERVICE));
	}

	private Planned decide(ImportRequest request, DescriptorReader.Result read, CatalogState state) {
		return new ImportPlanner(request, state).plan(read.descriptors());
	}

	private ImportPlan plan(ImportRequest request, DescriptorReader.Result read, Planned planned, boolean applied) {
		List<ImportProblem> problems = new ArrayList<>(read.problems());
		problems.addAll(planned.problems());
		return new ImportPlan(request.source(), applied, planned.entities(), capped(problems), planned.resolved(),
				ImportSummary.of(planned.entities()));
	}

	/** At most the configured number of problems, and a last one that counts the rest. */
	private List<ImportProblem> capped(List<ImportProblem> problems) {
		int max = this.properties.maxProblems();
		if (problems.size() <= max) {
			return problems;
		}
		List<ImportProblem> capped = new ArrayList<>(problems.subList(0, max));
		capped.add(new ImportProblem(null, null, null, null, null, "… and " + (problems.size() - max) + " more problems"));
		return capped;
	}

	private static void checkSource(String source) {
		if (source == null || source.isBlank() || source.length() > 200 || source.chars().anyMatch(Character::isISOControl)
				|| !source.equals(source.trim())) {
			throw new InvalidCatalogEntryException("source", "must name where the descriptors come from (e.g. a repository),"
					+ " in 1 to 200 characters without line breaks or surrounding spaces");
		}
	}
}
