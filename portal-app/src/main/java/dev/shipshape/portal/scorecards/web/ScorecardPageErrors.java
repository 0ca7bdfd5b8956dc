package dev.shipshape.portal.scorecards.web;

import dev.shipshape.portal.scorecards.ScorecardProblems;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** An unknown scorecard or version on a page is the not-found page, as for catalog entries. */
@ControllerAdvice(assignableTypes = { ScorecardPageController.class, ScorecardChangesPageController.class,
		DraftPageController.class, ScorecardReportPageController.class })
class ScorecardPageErrors {

	@ExceptionHandler(ScorecardProblems.NotFound.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}
}
