/**
 * Scorecard engine: compiles scorecards of CEL rules and evaluates them against subjects.
 * A plain library with no framework dependency.
 */
package dev.shipshape.scorecard;
