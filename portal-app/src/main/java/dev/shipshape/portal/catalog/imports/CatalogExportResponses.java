package dev.shipshape.portal.catalog.imports;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import dev.shipshape.catalog.importing.CatalogExport;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The catalog export as a streamed YAML response, for the API and for the page's download link. */
final class CatalogExportResponses {

	private CatalogExportResponses() {
	}

	static ResponseEntity<StreamingResponseBody> of(CatalogExport catalogExport, String owner,
			ContentDisposition.Builder disposition) {
		StreamingResponseBody body = (out) -> {
			Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			catalogExport.export(owner, writer);
			writer.flush();
		};
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.APPLICATION_YAML, StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					disposition.filename((owner != null) ? owner + "-catalog.yaml" : "catalog.yaml").build().toString())
			.body(body);
	}
}
