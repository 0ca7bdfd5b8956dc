package dev.shipshape.portal.catalog.imports;

import java.util.List;

import dev.shipshape.catalog.CatalogEntryNotFoundException;
import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.catalog.importing.CatalogExport;
import dev.shipshape.catalog.importing.CatalogImport;
import dev.shipshape.catalog.importing.DescriptorFile;
import dev.shipshape.catalog.importing.ImportPlan;
import dev.shipshape.catalog.importing.ImportRefusedException;
import dev.shipshape.catalog.importing.ImportRequest;
import dev.shipshape.catalog.importing.ImportTooLargeException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Catalog as code over REST: import Backstage descriptors of one source (a YAML body or files),
 * as a dry run or for real, and export the catalog as descriptors.
 */
@RestController
@RequestMapping("/api/v1/catalog")
@Tag(name = "Catalog as code", description = "Import and export Backstage-style descriptors (catalog-info.yaml)")
class CatalogImportApiController {

	static final String YAML_BODY = "body";

	private final CatalogImport catalogImport;

	private final CatalogExport catalogExport;

	private final CatalogManagement catalog;

	CatalogImportApiController(CatalogImport catalogImport, CatalogExport catalogExport, CatalogManagement catalog) {
		this.catalogImport = catalogImport;
		this.catalogExport = catalogExport;
		this.catalog = catalog;
	}

	@PostMapping(path = "/import", consumes = { MediaType.APPLICATION_YAML_VALUE, "application/x-yaml", "text/yaml" })
	@PreAuthorize("@catalogPermissions.canAdministerCatalog(authentication)")
	@Operation(summary = "Import descriptors from a YAML body",
			description = "One request is one source. dryRun=true previews and writes nothing; an upload with problems "
					+ "answers 422 and writes nothing; prune=true removes entries of the source that are gone from it; "
					+ "overwrite=true replaces hand edits and entries of other sources.")
	ImportPlan importYaml(@RequestParam String source, @RequestParam(defaultValue = "false") boolean dryRun,
			@RequestParam(defaultValue = "false") boolean prune, @RequestParam(defaultValue = "false") boolean overwrite,
			HttpServletRequest request) {
		return run(new ImportRequest(source, List.of(new DescriptorFile(YAML_BODY, request::getInputStream)), prune,
				overwrite), dryRun);
	}

	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("@catalogPermissions.canAdministerCatalog(authentication)")
	@Operation(summary = "Import descriptor files", description = "Files in the part 'files', named by their path; "
			+ "Location entities are followed to other files of the same upload. Parameters as for a YAML body.")
	ImportPlan importFiles(@RequestParam String source, @RequestParam(defaultValue = "false") boolean dryRun,
			@RequestParam(defaultValue = "false") boolean prune, @RequestParam(defaultValue = "false") boolean overwrite,
			@RequestParam("files") List<MultipartFile> files) {
		return run(new ImportRequest(source, ImportUploads.files(files, null), prune, overwrite), dryRun);
	}

	@GetMapping(path = "/export", produces = MediaType.APPLICATION_YAML_VALUE)
	@Operation(summary = "Export the catalog as descriptors",
			description = "The whole catalog, or with owner=<team> the team, its members and its services. "
					+ "Importing the export as its source changes nothing.")
	ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String owner) {
		if (owner != null && this.catalog.findTeam(owner).isEmpty()) {
			throw new CatalogEntryNotFoundException("team", owner);
		}
		return CatalogExportResponses.of(this.catalogExport, owner, ContentDisposition.inline());
	}

	private ImportPlan run(ImportRequest request, boolean dryRun) {
		if (!dryRun) {
			return this.catalogImport.apply(request);
		}
		ImportPlan plan = this.catalogImport.preview(request);
		if (!plan.acceptable()) {
			throw new ImportRefusedException(plan);
		}
		return plan;
	}

	@ExceptionHandler
	ProblemDetail refused(ImportRefusedException ex) {
		return ImportProblems.refused(ex.plan());
	}

	@ExceptionHandler
	ProblemDetail tooLarge(ImportTooLargeException ex) {
		return ImportProblems.tooLarge(ex);
	}
}
