package dev.shipshape.portal.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole portal on a random port, with single sign-on through the in-test OpenID Connect
 * provider and endpoints that fail on purpose. Every test class with this annotation shares one
 * application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "shipshape.sign-in.max-failures-per-account=5", "shipshape.sign-in.max-failures-per-client=8" })
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestIdentityProvider.Initializer.class)
@Import(FailingEndpoints.class)
public @interface PortalSecurityTest {

}
