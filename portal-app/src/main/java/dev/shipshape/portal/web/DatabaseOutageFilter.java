package dev.shipshape.portal.web;

import java.io.IOException;
import java.sql.SQLException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers API calls with 503 when the database cannot be reached anywhere in the request, including
 * in the security filters that look up accounts and tokens: without its database the portal fails
 * closed, and says so.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class DatabaseOutageFilter extends OncePerRequestFilter {

	private final JsonMapper json;

	DatabaseOutageFilter(JsonMapper json) {
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (RuntimeException | ServletException ex) {
			if (!isOutage(ex) || response.isCommitted()) {
				throw ex;
			}
			response.resetBuffer();
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			this.json.writeValue(response.getOutputStream(), Problems.databaseUnavailable());
		}
	}

	/**
	 * Whether the failure comes from losing the database: Spring's own outage exceptions, a JDBC
	 * connection error (SQLState class 08), a server shutting down (57P01 to 57P03), or a connection
	 * that closed under the request.
	 */
	public static boolean isOutage(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof TransientDataAccessException || isLostConnection(cause)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isLostConnection(Throwable cause) {
		if (!(cause instanceof SQLException sql)) {
			return false;
		}
		String state = sql.getSQLState();
		return (state != null && (state.startsWith("08") || state.startsWith("57P")))
				|| (state == null && sql.getMessage() != null && sql.getMessage().contains("Connection is closed"));
	}
}
