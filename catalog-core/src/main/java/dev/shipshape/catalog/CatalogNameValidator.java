package dev.shipshape.catalog;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

class CatalogNameValidator implements ConstraintValidator<CatalogName, String> {

	@Override
	public boolean isValid(String value, ConstraintValidatorContext context) {
		return value == null || CatalogNames.isValid(value);
	}
}
