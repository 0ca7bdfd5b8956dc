/**
 * Scorecard engine: compiles scorecards of CEL rules and evaluates them against subjects.
 * A plain library with no framework dependency.
 *
 * <p>Typical use: read a {@link dev.shipshape.scorecard.Scorecard} (or {@link
 * dev.shipshape.scorecard.ScorecardYaml#read(java.io.Reader) from YAML}), check it with {@link
 * dev.shipshape.scorecard.ScorecardCompiler#validate}, compile it once per version with {@link
 * dev.shipshape.scorecard.ScorecardCompiler#compile}, then call {@link
 * dev.shipshape.scorecard.CompiledScorecard#evaluate} for each service or release, with the live
 * waivers that concern it and the current instant. The {@link dev.shipshape.scorecard.Evaluation}
 * says, per rule, PASS, FAIL, WAIVED, ERROR, UPCOMING or NOT_APPLICABLE with the facts the rule read,
 * the level achieved and whether the subject is ready.
 */
package dev.shipshape.scorecard;
