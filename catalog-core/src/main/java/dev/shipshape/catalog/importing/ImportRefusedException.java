package dev.shipshape.catalog.importing;

import dev.shipshape.catalog.CatalogException;

/** The upload has problems; nothing of it was written. The plan lists them with where they are. */
public class ImportRefusedException extends CatalogException {

	private final transient ImportPlan plan;

	public ImportRefusedException(ImportPlan plan) {
		super("The import of source '" + plan.source() + "' was refused and nothing was written: "
				+ plan.problems().size() + " problem(s), first: " + plan.problems().get(0).describe());
		this.plan = plan;
	}

	public ImportPlan plan() {
		return this.plan;
	}
}
