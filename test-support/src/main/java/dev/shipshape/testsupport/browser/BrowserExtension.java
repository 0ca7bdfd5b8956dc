package dev.shipshape.testsupport.browser;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one Chromium per test class, hands it to test methods and keeps a screenshot of every
 * failing test.
 */
class BrowserExtension implements ExecutionCondition, ParameterResolver, AfterEachCallback {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		Path chromium = Browser.chromiumBinary();
		Path driver = Browser.chromedriverBinary();
		if (!Files.isExecutable(chromium) || !Files.isExecutable(driver)) {
			return ConditionEvaluationResult.disabled("Browser tests need Chromium at " + chromium + " and ChromeDriver at "
					+ driver + " (apt-get install chromium chromium-driver, or set CHROMIUM_BINARY and CHROMEDRIVER_BINARY)");
		}
		return ConditionEvaluationResult.enabled("Chromium found at " + chromium);
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == Browser.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		ExtensionContext classContext = extensionContext.getRoot();
		return classContext.getStore(NAMESPACE).computeIfAbsent(Browser.class, (key) -> Browser.start(), Browser.class);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		Browser browser = context.getRoot().getStore(NAMESPACE).get(Browser.class, Browser.class);
		if (browser != null && context.getExecutionException().isPresent()) {
			String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
			browser.screenshot(Path.of("target", "browser-screenshots", name + ".png"));
		}
	}
}
