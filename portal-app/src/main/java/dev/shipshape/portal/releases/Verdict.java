package dev.shipshape.portal.releases;

/** Whether a release may ship: every rule at a blocking level passes or is waived. */
public enum Verdict {

	READY, BLOCKED

}
