package dev.shipshape.portal.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import dev.shipshape.catalog.importing.CatalogImportProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API bodies larger than {@code shipshape.api.max-body-size} with 413 before anything reads
 * them; descriptor uploads to the catalog import have their own limit,
 * {@code shipshape.catalog.import.max-upload-size}. Multipart uploads are limited by
 * {@code spring.servlet.multipart.*} instead.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiRequestSizeFilter extends OncePerRequestFilter {

	private final long maxBytes;

	private final long maxImportBytes;

	private final JsonMapper jsonMapper;

	ApiRequestSizeFilter(@Value("${shipshape.api.max-body-size:1MB}") DataSize maxBodySize,
			CatalogImportProperties imports, JsonMapper jsonMapper) {
		this.maxBytes = maxBodySize.toBytes();
		this.maxImportBytes = imports.maxUploadSize().toBytes();
		this.jsonMapper = jsonMapper;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String contentType = request.getContentType();
		return !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
				|| (contentType != null && contentType.toLowerCase().startsWith("multipart/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean catalogImport = request.getRequestURI().equals(request.getContextPath() + "/api/v1/catalog/import");
		long limit = catalogImport ? this.maxImportBytes : this.maxBytes;
		long declared = request.getContentLengthLong();
		if (declared > limit) {
			refuse(response, limit);
			return;
		}
		// A chunked upload to the catalog import streams on; the import counts its bytes itself.
		if (declared >= 0 || catalogImport) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.maxBytes + 1));
		if (body.length > this.maxBytes) {
			refuse(response, this.maxBytes);
			return;
		}
		chain.doFilter(new BufferedBodyRequest(request, body), response);
	}

	private void refuse(HttpServletResponse response, long limit) throws IOException {
		response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.jsonMapper.writeValue(response.getOutputStream(), Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large",
				"Request too large", "The request body is larger than " + DataSize.ofBytes(limit).toKilobytes()
						+ " KB, the most this endpoint accepts"));
	}

	/** A chunked body already read into memory (it is at most the limit). */
	private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		BufferedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			InputStream source = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() throws IOException {
					return source.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					return source.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return false;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("Synchronous reads only");
				}
			};
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}
	}
}
