package ca.isp.billing.jobs.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver by Selenium: both named by
 * their paths, so Selenium never looks for (nor downloads) a browser or a driver of its own.
 * Started as the machine notes say (no sandbox as root, no background networking: the machine's
 * network is closed) with a fresh profile, and with Chrome's performance log on, which lists
 * every network request the page makes.
 *
 * <p>Skipped (JUnit assumption) when Chromium is not installed, unless {@code CI=true}: there
 * it is mandatory ({@code .ci/run} installs {@code chromium} and {@code chromium-driver}).
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path BROWSER = Path.of(System.getenv().getOrDefault("BILLING_TEST_CHROMIUM", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getenv().getOrDefault("BILLING_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));

    /** The request's own URL in a Network.requestWillBeSent event (not the initiator's). */
    private static final Pattern REQUEST_URL = Pattern.compile("\"request\":\\{.*?\"url\":\"([^\"]*)\"");

    /** The page that asked for it. */
    private static final Pattern DOCUMENT_URL = Pattern.compile("\"documentURL\":\"([^\"]*)\"");

    final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static HeadlessChromium start() throws IOException {
        requireInstalled();
        // Selenium Manager stays idle: the driver and the browser are given by path.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, DRIVER.toString());
        Path profile = Files.createTempDirectory("chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        return new HeadlessChromium(new ChromeDriver(service, options), profile);
    }

    /** Skips the test (or fails it, with CI=true) when Chromium or its driver is not installed. */
    static void requireInstalled() {
        boolean installed = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
        if (!installed) {
            String why = "no Chromium at " + BROWSER + " with its driver at " + DRIVER
                    + " (apt-get install -y chromium chromium-driver)";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(why + ": mandatory with CI=true");
            }
            System.out.println("SKIPPED headless Chromium test: " + why);
            Assumptions.abort(why);
        }
    }

    /**
     * The URLs of every request Chromium sent since the last call (Network.requestWillBeSent),
     * but for its own pages ({@code chrome://}: the new tab page the driver opens first, served
     * from the browser's resources, and what they ask for) and {@code data:} addresses: none of
     * them goes to a network. The page's own request is listed (its file:// address).
     */
    List<String> requestsSent() {
        List<String> urls = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            String message = entry.getMessage();
            if (message.contains("\"Network.requestWillBeSent\"")) {
                Matcher url = REQUEST_URL.matcher(message);
                Matcher document = DOCUMENT_URL.matcher(message);
                String sent = url.find() ? url.group(1) : message;
                boolean browsersOwnPage = document.find() && document.group(1).startsWith("chrome://");
                // data: is read from the address itself, never from a network
                if (!sent.startsWith("chrome://") && !browsersOwnPage && !sent.startsWith("data:")) {
                    urls.add(sent);
                }
            }
        }
        return urls;
    }

    /** Opens a page, the request log emptied first: requestsSent() then lists what this page asked for. */
    void open(Path page) {
        requestsSent();
        driver.get(page.toUri().toString());
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
