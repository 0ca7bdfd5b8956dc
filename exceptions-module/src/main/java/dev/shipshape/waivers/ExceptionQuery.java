package dev.shipshape.waivers;

import java.util.Collection;

/**
 * Filters of the exceptions list; {@code null} means any.
 *
 * @param status the effective status ({@link ExceptionStatus#APPROVED} means in force now)
 * @param services names of services, e.g. those a team owns; an empty collection matches nothing
 * @param expiringWithinDays only exceptions in force that expire within this many days
 */
public record ExceptionQuery(ExceptionStatus status, Collection<String> services, String scorecard,
		Integer expiringWithinDays) {

	public static ExceptionQuery all() {
		return new ExceptionQuery(null, null, null, null);
	}
}
