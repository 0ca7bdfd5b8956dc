package dev.shipshape.catalog;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** A name that follows {@link CatalogNames}' rule; {@code null} is left to {@code @NotNull}. */
@Documented
@Constraint(validatedBy = CatalogNameValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface CatalogName {

	String message() default CatalogNames.RULE;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
