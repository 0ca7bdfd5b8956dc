package dev.shipshape.catalog.importing;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CatalogImportProperties.class)
class CatalogImportConfiguration {

}
