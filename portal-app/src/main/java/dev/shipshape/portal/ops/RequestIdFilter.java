package dev.shipshape.portal.ops;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} (set by the proxy or the pipeline)
 * or a new one. It is in the logging context while the request runs, so that every log line says
 * which request it belongs to, and in the response, so that a caller can quote it. Requests that
 * end in a server error are logged with their duration, which makes an outage visible in the logs
 * even where nothing else logs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Request-Id";

	static final String MDC_KEY = "requestId";

	/** Anything else is replaced: a request id goes into log lines and must not forge or break them. */
	private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	private static final Logger logger = LoggerFactory.getLogger(RequestIdFilter.class);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = requestId(request.getHeader(HEADER));
		long started = System.nanoTime();
		MDC.put(MDC_KEY, id);
		response.setHeader(HEADER, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			logServerError(request, response.getStatus(), started);
			MDC.remove(MDC_KEY);
		}
	}

	static String requestId(String offered) {
		return (offered != null && ACCEPTED.matcher(offered).matches()) ? offered : UUID.randomUUID().toString();
	}

	private static void logServerError(HttpServletRequest request, int status, long started) {
		if (status >= 500) {
			logger.warn("{} {} answered {} after {} ms", request.getMethod(), request.getRequestURI(), status,
					(System.nanoTime() - started) / 1_000_000);
		}
	}
}
