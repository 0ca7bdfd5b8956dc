package dev.shipshape.portal.tokens.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.shipshape.portal.security.AccountNameTakenException;
import dev.shipshape.portal.security.AccountSummary;
import dev.shipshape.portal.security.CatalogPermissions;
import dev.shipshape.portal.security.Role;
import dev.shipshape.portal.security.UserAccounts;
import dev.shipshape.portal.tokens.ApiTokens;
import dev.shipshape.portal.tokens.InvalidTokenRequestException;
import dev.shipshape.portal.tokens.TokenView;
import dev.shipshape.portal.web.InvalidRequestException;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The API tokens page: people create, list and revoke their tokens; administrators also create
 * service accounts and their tokens. A new secret is rendered in the response to the form post,
 * never carried through a redirect or the session.
 */
@Controller
@RequestMapping("/account")
@PreAuthorize("@tokenPermissions.canManageTokens(authentication)")
class TokenPageController {

	private static final String VIEW = "tokens/page";

	private final ApiTokens tokens;

	private final UserAccounts accounts;

	private final CatalogPermissions permissions;

	private final Clock clock;

	TokenPageController(ApiTokens tokens, UserAccounts accounts, CatalogPermissions permissions, Clock clock) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.permissions = permissions;
		this.clock = clock;
	}

	@GetMapping("/tokens")
	String page(Authentication authentication, Model model) {
		return render(authentication, model, TokenForm.empty(), ServiceAccountForm.empty());
	}

	@PostMapping("/tokens")
	@PreAuthorize("@tokenPermissions.canManageTokensOf(authentication, #form.account())")
	String create(@Valid @ModelAttribute("form") TokenForm form, BindingResult result, Authentication authentication,
			Model model) {
		String account = (form.account() == null || form.account().isBlank()) ? authentication.getName() : form.account();
		if (!result.hasErrors()) {
			try {
				model.addAttribute("created", this.tokens.create(account, authentication.getName(), form.name(),
						Scopes.parse(form.scopes()), expiry(form.expiresInDays())));
				return render(authentication, model, TokenForm.empty(), ServiceAccountForm.empty());
			}
			catch (InvalidTokenRequestException ex) {
				result.rejectValue(ex.field().equals("expiresAt") ? "expiresInDays" : "account", "invalid", ex.getMessage());
			}
			catch (InvalidRequestException ex) {
				result.rejectValue("scopes", "invalid", ex.errors().get(0).message());
			}
		}
		return render(authentication, model, form, ServiceAccountForm.empty());
	}

	@PostMapping("/tokens/{id}/revoke")
	String revoke(@PathVariable long id, Authentication authentication, RedirectAttributes redirect) {
		TokenView revoked = this.tokens.revoke(id, authentication.getName(), this.permissions.isAdmin(authentication))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		redirect.addFlashAttribute("flash", "Revoked the token " + revoked.name() + ".");
		return "redirect:/account/tokens";
	}

	@PostMapping("/service-accounts")
	@PreAuthorize("@tokenPermissions.canManageServiceAccounts(authentication)")
	String createServiceAccount(@Valid @ModelAttribute("accountForm") ServiceAccountForm form, BindingResult result,
			Authentication authentication, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				EnumSet<Role> roles = (form.roles() == null || form.roles().isEmpty()) ? EnumSet.of(Role.VIEWER)
						: EnumSet.copyOf(form.roles());
				String displayName = (form.displayName() == null || form.displayName().isBlank()) ? form.name()
						: form.displayName();
				AccountSummary created = this.accounts.createServiceAccount(form.name(), displayName, roles);
				redirect.addFlashAttribute("flash", "Created the service account " + created.username() + ".");
				return "redirect:/account/tokens";
			}
			catch (AccountNameTakenException ex) {
				result.rejectValue("name", "taken", ex.getMessage());
			}
		}
		return render(authentication, model, TokenForm.empty(), form);
	}

	private String render(Authentication authentication, Model model, TokenForm form, ServiceAccountForm accountForm) {
		boolean admin = this.permissions.isAdmin(authentication);
		model.addAttribute("form", form);
		model.addAttribute("accountForm", accountForm);
		model.addAttribute("scopes", Scopes.all());
		model.addAttribute("roles", Role.values());
		model.addAttribute("tokens", this.tokens.tokensOf(authentication.getName()));
		model.addAttribute("admin", admin);
		model.addAttribute("serviceAccounts", admin ? serviceAccountTokens() : Map.of());
		return VIEW;
	}

	private Map<AccountSummary, List<TokenView>> serviceAccountTokens() {
		Map<AccountSummary, List<TokenView>> tokensByAccount = new LinkedHashMap<>();
		this.accounts.serviceAccounts()
			.forEach((account) -> tokensByAccount.put(account, this.tokens.tokensOf(account.username())));
		return tokensByAccount;
	}

	private Instant expiry(Integer days) {
		return (days != null) ? this.clock.instant().plus(Duration.ofDays(days)) : null;
	}
}
