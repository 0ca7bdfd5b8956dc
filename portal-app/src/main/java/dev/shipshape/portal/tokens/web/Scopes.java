package dev.shipshape.portal.tokens.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.shipshape.portal.security.TokenScope;
import dev.shipshape.portal.web.InvalidRequestException;
import dev.shipshape.portal.web.Problems;

/** Reads the scopes a client names, refusing unknown ones with their position. */
final class Scopes {

	private Scopes() {
	}

	static Set<TokenScope> parse(List<String> values) {
		Set<TokenScope> scopes = EnumSet.noneOf(TokenScope.class);
		List<Problems.FieldError> errors = new ArrayList<>();
		List<String> named = (values != null) ? values : List.of();
		for (int i = 0; i < named.size(); i++) {
			int index = i;
			TokenScope.fromValue(named.get(i))
				.ifPresentOrElse(scopes::add, () -> errors.add(new Problems.FieldError("scopes[" + index + "]",
						"'" + named.get(index) + "' is not a scope; known: " + known())));
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		return scopes;
	}

	static List<ScopeDescription> all() {
		return Arrays.stream(TokenScope.values()).map((scope) -> new ScopeDescription(scope.value(), scope.description())).toList();
	}

	private static String known() {
		return String.join(", ", Arrays.stream(TokenScope.values()).map(TokenScope::value).toList());
	}

	/** A scope and what it allows. */
	record ScopeDescription(String value, String description) {
	}
}
