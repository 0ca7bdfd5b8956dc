package dev.shipshape.portal.tokens.web;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The token form: expiry in days from now (empty: never); account empty means the signed-in user. */
record TokenForm(@NotBlank @Size(max = 100) String name, List<String> scopes, @Min(1) @Max(3650) Integer expiresInDays,
		String account) {

	static TokenForm empty() {
		return new TokenForm("", List.of(), 90, "");
	}
}
