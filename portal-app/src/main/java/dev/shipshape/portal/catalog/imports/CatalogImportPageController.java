package dev.shipshape.portal.catalog.imports;

import java.util.List;

import dev.shipshape.catalog.CatalogEntryNotFoundException;
import dev.shipshape.catalog.CatalogException;
import dev.shipshape.catalog.CatalogManagement;
import dev.shipshape.catalog.importing.CatalogExport;
import dev.shipshape.catalog.importing.CatalogImport;
import dev.shipshape.catalog.importing.EntityPlan;
import dev.shipshape.catalog.importing.ImportPlan;
import dev.shipshape.catalog.importing.ImportRefusedException;
import dev.shipshape.catalog.importing.ImportRequest;
import dev.shipshape.catalog.importing.ImportSummary;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import page: upload files or paste YAML, preview what the import would do, apply it and see
 * what it did. With htmx the preview and the outcome replace the result area and the chosen files
 * stay selected; as plain form posts the preview renders the page, and applying redirects back
 * with a summary.
 */
@Controller
class CatalogImportPageController {

	/** A preview of a large import lists this many entities; the counts cover all of them. */
	static final int MAX_ROWS = 500;

	private final CatalogImport catalogImport;

	private final CatalogExport catalogExport;

	private final CatalogManagement catalog;

	CatalogImportPageController(CatalogImport catalogImport, CatalogExport catalogExport, CatalogManagement catalog) {
		this.catalogImport = catalogImport;
		this.catalogExport = catalogExport;
		this.catalog = catalog;
	}

	@GetMapping("/catalog/import")
	@PreAuthorize("@catalogPermissions.canAdministerCatalog(authentication)")
	String page(Model model) {
		model.addAttribute("form", ImportPageForm.empty());
		return "catalog/import";
	}

	@PostMapping("/catalog/import/preview")
	@PreAuthorize("@catalogPermissions.canAdministerCatalog(authentication)")
	String preview(@ModelAttribute("form") ImportPageForm form,
			@RequestParam(name = "files", required = false) List<MultipartFile> files,
			@RequestHeader(name = "HX-Request", required = false) boolean htmx, Model model) {
		try {
			show(this.catalogImport.preview(request(form, files)), model);
		}
		catch (CatalogException ex) {
			model.addAttribute("error", ex.getMessage());
		}
		return view(htmx);
	}

	@PostMapping("/catalog/import/apply")
	@PreAuthorize("@catalogPermissions.canAdministerCatalog(authentication)")
	String apply(@ModelAttribute("form") ImportPageForm form,
			@RequestParam(name = "files", required = false) List<MultipartFile> files,
			@RequestHeader(name = "HX-Request", required = false) boolean htmx, Model model,
			RedirectAttributes redirect) {
		try {
			ImportPlan plan = this.catalogImport.apply(request(form, files));
			if (!htmx) {
				redirect.addFlashAttribute("flash", summary(plan));
				return "redirect:/catalog/import";
			}
			show(plan, model);
		}
		catch (ImportRefusedException ex) {
			show(ex.plan(), model);
		}
		catch (OptimisticLockingFailureException ex) {
			model.addAttribute("error", "Someone changed the catalog while the import ran, so nothing was written. "
					+ "Preview again and apply.");
		}
		catch (CatalogException ex) {
			model.addAttribute("error", ex.getMessage());
		}
		return view(htmx);
	}

	@GetMapping("/catalog/export")
	ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String owner) {
		if (owner != null && this.catalog.findTeam(owner).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, new CatalogEntryNotFoundException("team", owner).getMessage());
		}
		return CatalogExportResponses.of(this.catalogExport, owner, ContentDisposition.attachment());
	}

	private static ImportRequest request(ImportPageForm form, List<MultipartFile> files) {
		return new ImportRequest((form.source() != null) ? form.source().trim() : null,
				ImportUploads.files(files, form.yaml()), form.pruning(), form.overwriting());
	}

	private static void show(ImportPlan plan, Model model) {
		List<EntityPlan> entities = plan.entities();
		model.addAttribute("plan", plan);
		model.addAttribute("rows", entities.subList(0, Math.min(MAX_ROWS, entities.size())));
		model.addAttribute("hiddenRows", Math.max(0, entities.size() - MAX_ROWS));
	}

	private static String view(boolean htmx) {
		return htmx ? "catalog/import :: result" : "catalog/import";
	}

	static String summary(ImportPlan plan) {
		ImportSummary summary = plan.summary();
		return "Imported source '" + plan.source() + "': " + summary.created() + " created, " + summary.updated()
				+ " updated, " + summary.removed() + " removed, " + summary.unchanged() + " unchanged, " + summary.skipped()
				+ " skipped, " + summary.conflicts() + " kept as edited by hand.";
	}
}
