package dev.shipshape.catalog.importing;

/**
 * Something wrong with the upload, with where it is: the file, the document in it (from 1), the
 * line (from 1), the entity when known (e.g. {@code component:default/petstore}) and the field
 * (e.g. {@code metadata.tags[1]}). Position parts are null when they do not apply.
 */
public record ImportProblem(String file, Integer document, Integer line, String entity, String field,
		String message) {

	/** Where and what, in one line for logs and plain-text answers. */
	public String describe() {
		StringBuilder text = new StringBuilder();
		if (this.file != null) {
			text.append(this.file);
		}
		if (this.document != null) {
			text.append(text.isEmpty() ? "" : ", ").append("document ").append(this.document);
		}
		if (this.line != null) {
			text.append(text.isEmpty() ? "" : ", ").append("line ").append(this.line);
		}
		if (this.entity != null) {
			text.append(text.isEmpty() ? "" : ", ").append(this.entity);
		}
		if (this.field != null) {
			text.append(text.isEmpty() ? "" : ", ").append(this.field);
		}
		return (text.isEmpty() ? "" : text + ": ") + this.message;
	}
}
