package dev.shipshape.portal.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The heading of the OpenAPI description at {@code /api/openapi} and of its pages at {@code /api/docs}. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	@Bean
	OpenAPI shipshapeApi() {
		return new OpenAPI().info(new Info().title("Shipshape API")
			.version("v1")
			.description("Service catalog, scorecards, releases and the readiness gate, exceptions, tokens and the audit "
					+ "trail. Send an API token (Authorization: Bearer shp_…) or HTTP Basic credentials; errors are "
					+ "RFC 9457 problem details."));
	}
}
