package dev.shipshape.catalog;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores link types in lower case, the way the API and descriptors write them. */
@Converter
class LinkTypeConverter implements AttributeConverter<LinkType, String> {

	@Override
	public String convertToDatabaseColumn(LinkType type) {
		return (type != null) ? type.value() : null;
	}

	@Override
	public LinkType convertToEntityAttribute(String value) {
		return (value != null) ? LinkType.parse(value).orElse(LinkType.OTHER) : null;
	}
}
