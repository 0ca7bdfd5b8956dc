package dev.shipshape.testsupport.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through ChromeDriver, with the few steps every journey needs.
 * Uses the machine's Chromium and ChromeDriver: nothing is downloaded at test time.
 */
public final class Browser implements AutoCloseable {

	/** Generous: the first page of a fresh application on a busy two-core machine can take seconds. */
	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final By SIGNED_IN = By.cssSelector("[data-signed-in-user]");

	private final ChromeDriver driver;

	private String baseUrl = "http://localhost:8080";

	private Browser(ChromeDriver driver) {
		this.driver = driver;
	}

	static Path chromiumBinary() {
		return Path.of(System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium"));
	}

	static Path chromedriverBinary() {
		return Path.of(System.getenv().getOrDefault("CHROMEDRIVER_BINARY", "/usr/bin/chromedriver"));
	}

	static Browser start() {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromiumBinary().toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1400,1000");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(chromedriverBinary().toFile())
			.usingAnyFreePort()
			.build();
		return new Browser(new ChromeDriver(service, options));
	}

	/** Sets the address of the application under test, e.g. {@code http://localhost:54321}. */
	public Browser at(String baseUrl) {
		this.baseUrl = baseUrl;
		return this;
	}

	public Browser open(String path) {
		this.driver.get(this.baseUrl + path);
		return this;
	}

	/** Signs in through the login form, starting from a signed-out session. */
	public Browser signIn(String username, String password) {
		// Leave the last page first: a request it still had scheduled must not run between the two.
		open("/login");
		this.driver.manage().deleteAllCookies();
		if (!submitSignIn(username, password)) {
			// A brand-new Chromium's very first form post is now and then refused (403, the sign-in
			// form's session lost); a second sign-in, with the session cookie in place, goes through.
			submitSignIn(username, password);
		}
		waitFor(SIGNED_IN);
		return this;
	}

	/**
	 * Posts the sign-in form and waits until its page is gone and the next one loaded: signed in, or
	 * refused. Only then may it be tried again: a second try on a slow sign-in would find a signed-in
	 * page, whose navigation bar has a sign-out button.
	 */
	private boolean submitSignIn(String username, String password) {
		open("/login");
		WebElement form = waitFor(By.id("sign-in-form"));
		type(By.name("username"), username);
		type(By.name("password"), password);
		click(By.id("sign-in"));
		new WebDriverWait(this.driver, WAIT).until(ExpectedConditions.or(ExpectedConditions.visibilityOfElementLocated(SIGNED_IN),
				ExpectedConditions.and(ExpectedConditions.stalenessOf(form), (driver) -> "complete"
					.equals(((JavascriptExecutor) driver).executeScript("return document.readyState")))));
		return !this.driver.findElements(SIGNED_IN).isEmpty();
	}

	public Browser type(By field, String text) {
		WebElement element = waitFor(field);
		element.clear();
		element.sendKeys(text);
		return this;
	}

	/**
	 * Clicks the element once it is clickable, brought to the middle of the window first: an element
	 * at the window's edge is otherwise covered by whatever lies there. A covered click clicked
	 * nothing, so it is tried again.
	 */
	public Browser click(By target) {
		new WebDriverWait(this.driver, WAIT).ignoring(ElementClickInterceptedException.class)
			.ignoring(StaleElementReferenceException.class)
			.until((driver) -> {
				WebElement element = ExpectedConditions.elementToBeClickable(target).apply(driver);
				if (element == null) {
					return false;
				}
				((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
				element.click();
				return true;
			});
		return this;
	}

	public WebElement waitFor(By target) {
		return new WebDriverWait(this.driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(target));
	}

	/** Waits until the element shows the text, and returns its whole text. */
	public String waitForText(By target, String text) {
		new WebDriverWait(this.driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(target, text));
		return this.driver.findElement(target).getText();
	}

	public String text(By target) {
		return waitFor(target).getText();
	}

	public List<WebElement> findAll(By target) {
		return this.driver.findElements(target);
	}

	public String currentPath() {
		String url = this.driver.getCurrentUrl();
		return (url != null && url.startsWith(this.baseUrl)) ? url.substring(this.baseUrl.length()) : url;
	}

	public String title() {
		return this.driver.getTitle();
	}

	/** The underlying driver, for steps this class does not offer. */
	public WebDriver driver() {
		return this.driver;
	}

	void screenshot(Path target) {
		try {
			Files.createDirectories(target.getParent());
			File shot = this.driver.getScreenshotAs(OutputType.FILE);
			Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (RuntimeException ex) {
			// A browser that died cannot take a screenshot; the test failure itself is reported anyway.
		}
	}

	@Override
	public void close() {
		this.driver.quit();
	}
}
