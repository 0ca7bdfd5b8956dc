package dev.shipshape.portal.waivers.web;

import dev.shipshape.waivers.ExceptionProblems;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/** Puts what the exceptions module refuses next to the form field it concerns. */
final class PageErrors {

	private PageErrors() {
	}

	/** An exception that already covers the rule is also named, so that the page can link to it. */
	static void reject(RuntimeException refusal, BindingResult binding, Model model) {
		if (refusal instanceof ExceptionProblems.Invalid invalid) {
			invalid.violations().forEach((violation) -> reject(binding, field(violation.field()), violation.message()));
		}
		else if (refusal instanceof ExceptionProblems.AlreadyCovered covered) {
			binding.reject("covered", covered.getMessage());
			model.addAttribute("existing", covered.existingId());
		}
		else {
			binding.reject("refused", refusal.getMessage());
		}
	}

	/** The module speaks of durations and expiries; the form asks for days. */
	private static String field(String field) {
		return ("duration".equals(field) || "expiresAt".equals(field)) ? "durationDays" : field;
	}

	private static void reject(BindingResult binding, String field, String message) {
		if (binding.getFieldType(field) != null) {
			binding.rejectValue(field, "invalid", message);
		}
		else {
			binding.reject("invalid", message);
		}
	}
}
