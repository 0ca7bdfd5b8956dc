package dev.shipshape.portal.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Leaves the links that pages build as they are written. Spring Boot would pass every one of them
 * through the static resource chain, to put the webjars' versions into their addresses, and so look
 * each link to a service, a team or a page of results up as a resource in the application's jar, in
 * vain and again on every render: most of the time of a list page. Webjars are served without a
 * version in their address all the same.
 */
@Configuration(proxyBeanMethods = false)
class PageLinks {

	/** Takes the place of Spring Boot's filter, which it leaves switched off. */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> switchedOffResourceUrlEncoding() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new ResourceUrlEncodingFilter());
		registration.setEnabled(false);
		return registration;
	}
}
