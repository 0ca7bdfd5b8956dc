package dev.shipshape.waivers;

/**
 * What the module asks the portal before recording an exception: does the service exist, does the
 * scorecard have the rule, does the rule apply to the service (and need a release)? Implemented by
 * the application, which knows the published scorecards.
 */
public interface ExceptionTargets {

	/**
	 * The target with the names as the catalog and scorecards spell them.
	 * @throws ExceptionProblems.Invalid naming the field at fault when the target cannot be waived
	 */
	ExceptionTarget verify(ExceptionTarget target);
}
