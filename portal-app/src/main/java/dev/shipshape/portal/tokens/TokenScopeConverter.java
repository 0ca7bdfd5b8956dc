package dev.shipshape.portal.tokens;

import dev.shipshape.portal.security.TokenScope;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a scope by the name clients use ({@code releases:write}), not by its Java name. */
@Converter
class TokenScopeConverter implements AttributeConverter<TokenScope, String> {

	@Override
	public String convertToDatabaseColumn(TokenScope scope) {
		return (scope != null) ? scope.value() : null;
	}

	@Override
	public TokenScope convertToEntityAttribute(String value) {
		return (value != null) ? TokenScope.of(value) : null;
	}
}
