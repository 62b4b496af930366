package fr.sesame.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Gives each browser test class one headless Chromium (Debian's, driven by Debian's chromedriver, so
 * Selenium Manager never downloads anything), hands it to test methods as a {@link Browser} parameter,
 * starts every test with no cookies (so tests do not depend on each other's session or language), and
 * keeps a screenshot and the page source under {@code target/browser-failures/} when a test fails.
 *
 * <pre>
 * &#64;ExtendWith(BrowserExtension.class)
 * class SomethingIT {
 *     &#64;Test
 *     void showsTheHomePage(Browser browser) {
 *         browser.open("/");
 *         assertEquals("Bienvenue sur Sésame", browser.heading());
 *     }
 * }
 * </pre>
 */
public class BrowserExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver, TestExecutionExceptionHandler {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final int WINDOW_WIDTH = 1280;
    private static final int WINDOW_HEIGHT = 1000;

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);
    private static final String SESSION = "session";

    private final Function<ExtensionContext, String> site;

    /** A browser on the portal of {@link PortalExtension}. */
    public BrowserExtension() {
        this(context -> PortalExtension.portal(context).baseUrl());
    }

    /** A browser on another site, e.g. the address of a cluster's balancer ({@code @RegisterExtension}). */
    public BrowserExtension(Function<ExtensionContext, String> site) {
        this.site = site;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put(SESSION, BrowserSession.start(site.apply(context)));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        BrowserSession session = context.getStore(NAMESPACE).remove(SESSION, BrowserSession.class);
        if (session != null) {
            session.close();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        session(context).browser().forgetSession().resize(WINDOW_WIDTH, WINDOW_HEIGHT);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return session(context).browser();
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        try {
            session(context).keepEvidence(context.getRequiredTestClass().getSimpleName() + "."
                    + context.getRequiredTestMethod().getName() + "-" + context.getDisplayName());
        } catch (RuntimeException evidenceFailure) {
            failure.addSuppressed(evidenceFailure);
        }
        throw failure;
    }

    private static BrowserSession session(ExtensionContext context) {
        BrowserSession session = context.getStore(NAMESPACE).get(SESSION, BrowserSession.class);
        if (session == null) {
            throw new IllegalStateException("BrowserExtension must be registered on the test class");
        }
        return session;
    }

    /** One Chromium with its throw-away profile. */
    private record BrowserSession(ChromeDriver driver, Browser browser, Path profile, Path chromiumTmp) {

        static BrowserSession start(String baseUrl) {
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            Path profile = createDirectory(tmp, "chromium-profile-");
            // Chromium puts its sockets in TMPDIR: under target/tmp of a deeply cloned project their path would pass
            // the 107 characters a Unix socket path may have ("Socket path too long"), so they go to the system's.
            Path chromiumTmp = createDirectory(Path.of(System.getenv().getOrDefault("TMPDIR", "/tmp")), "sesame-chromium-");
            // Belt and braces: the explicit driver path already keeps Selenium Manager from running.
            System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                    .usingAnyFreePort()
                    .withEnvironment(Map.of("TMPDIR", chromiumTmp.toString(), "SE_OFFLINE", "true"))
                    .build();
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments(List.of(
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--lang=fr-FR", "--window-size=" + WINDOW_WIDTH + "," + WINDOW_HEIGHT,
                    "--user-data-dir=" + profile));
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-FR,fr"));
            ChromeDriver driver = new ChromeDriver(service, options);
            return new BrowserSession(driver, new Browser(driver, baseUrl), profile, chromiumTmp);
        }

        void keepEvidence(String name) {
            Path folder = Path.of(System.getProperty("sesame.project.dir", "."), "target", "browser-failures");
            String file = name.replaceAll("[^A-Za-z0-9._-]+", "_");
            try {
                Files.createDirectories(folder);
                Files.write(folder.resolve(file + ".png"), driver.getScreenshotAs(OutputType.BYTES));
                Files.writeString(folder.resolve(file + ".html"), driver.getPageSource());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void close() {
            try {
                driver.quit();
            } finally {
                deleteQuietly(profile);
                deleteQuietly(chromiumTmp);
            }
        }

        private static Path createDirectory(Path parent, String prefix) {
            try {
                Files.createDirectories(parent);
                return Files.createTempDirectory(parent, prefix);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void deleteQuietly(Path folder) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // A profile left in target/tmp is harmless; `mvn clean` removes it.
            }
        }
    }
}
