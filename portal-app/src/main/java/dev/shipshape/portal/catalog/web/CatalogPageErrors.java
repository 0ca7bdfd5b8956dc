package dev.shipshape.portal.catalog.web;

import java.io.IOException;

import dev.shipshape.catalog.InvalidCatalogEntryException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A list of the catalog pages asked for in a way the catalog refuses, such as sorting by a property
 * it does not offer, is a bad request (400), not a server error. Forms handle their own refusals.
 */
@ControllerAdvice(assignableTypes = { ServicePageController.class, TeamPageController.class, PersonPageController.class })
class CatalogPageErrors {

	@ExceptionHandler
	void refused(InvalidCatalogEntryException ex, HttpServletResponse response) throws IOException {
		response.sendError(HttpStatus.BAD_REQUEST.value(), ex.getMessage());
	}
}
