package dev.shipshape.catalog;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a caller writes to create or replace a person. {@code version} guards replacements. */
public record PersonForm(@NotBlank @CatalogName String name, @Size(max = 200) String displayName,
		@Email @Size(max = 320) String email, @Size(max = 200) String chat, Long version) {

	/** The form that would recreate the person as they are, including the version. */
	public static PersonForm of(PersonDetails person) {
		return new PersonForm(person.name(), person.displayName(), person.email(), person.chat(), person.version());
	}
}
