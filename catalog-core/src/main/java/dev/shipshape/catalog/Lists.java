package dev.shipshape.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

final class Lists {

	private Lists() {
	}

	/**
	 * An unmodifiable copy that keeps null elements, so that validation can name the element at
	 * fault instead of failing on construction; a missing list is empty.
	 */
	static <T> List<T> copyOfNullable(List<T> list) {
		return (list != null) ? Collections.unmodifiableList(new ArrayList<>(list)) : List.of();
	}
}
