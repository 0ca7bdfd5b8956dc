package dev.shipshape.portal.web;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.web.PageableHandlerMethodArgumentResolver;
import org.springframework.data.web.SortHandlerMethodArgumentResolver;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Paging and sorting parameters that cannot be read answer 400, on pages and in the API, instead of
 * a server error. Spring Data decodes {@code sort} once more after the server did, so a sort
 * parameter holding a {@code %} (sent as {@code %25}) fails there. Ordered first, so that these
 * resolvers are asked before Spring Data's own, to which they hand every parameter.
 */
@Configuration(proxyBeanMethods = false)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PagingParameters implements WebMvcConfigurer {

	private final ObjectProvider<PageableHandlerMethodArgumentResolver> pageables;

	private final ObjectProvider<SortHandlerMethodArgumentResolver> sorts;

	PagingParameters(ObjectProvider<PageableHandlerMethodArgumentResolver> pageables,
			ObjectProvider<SortHandlerMethodArgumentResolver> sorts) {
		this.pageables = pageables;
		this.sorts = sorts;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		this.pageables.ifAvailable((resolver) -> resolvers.add(new Unreadable(resolver)));
		this.sorts.ifAvailable((resolver) -> resolvers.add(new Unreadable(resolver)));
	}

	/** Spring Data's resolver, with what it cannot read answered as a bad request. */
	private record Unreadable(HandlerMethodArgumentResolver resolver) implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return this.resolver.supportsParameter(parameter);
		}

		@Override
		public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
				NativeWebRequest webRequest, WebDataBinderFactory binderFactory) throws Exception {
			try {
				return this.resolver.resolveArgument(parameter, mavContainer, webRequest, binderFactory);
			}
			catch (IllegalArgumentException ex) {
				throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The paging or sort parameters cannot be read", ex);
			}
		}
	}
}
