package dev.shipshape.portal.web;

import java.util.List;

import org.springframework.data.domain.Page;

/** One page of a list: {@code page} counts from 0. */
public record PagedResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

	public static <T> PagedResponse<T> of(Page<T> page) {
		return new PagedResponse<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
				page.getTotalPages());
	}
}
