package dev.shipshape.scorecard;

/**
 * A level of a scorecard. A blocking level is part of the minimum bar: a release that misses one
 * of its rules (without a live waiver) is not ready. Other levels are aspirational.
 *
 * @param key slug, referenced by {@link Rule#level()}
 * @param name display name, e.g. {@code Minimum bar}
 * @param blocking whether failing this level blocks a release
 */
public record Level(String key, String name, boolean blocking) {
}
