package dev.shipshape.waivers;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExceptionsProperties.class)
class WaiversConfiguration {

}
