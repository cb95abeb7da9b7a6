package org.fallline.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The tour's page as a person sees it: rendered by headless Chromium through WebDriver, screenshot taken
 * (target/quick-tour-screenshot.png), every image loaded (naturalWidth &gt; 0), every local link pointing at a
 * file that exists or an anchor on the page, and no error in the browser's console.
 *
 * <p>Needs Chromium and its driver (Debian: {@code apt-get install chromium chromium-driver}; or set
 * {@code CHROME_BIN} and {@code CHROMEDRIVER}). Without them the test is skipped with that message, except
 * under CI ({@code CI=true}), where a missing browser fails the build.
 */
class TourPageBrowserTest {

    private static final String INSTALL = "install Chromium and its WebDriver to run the browser test of the tour "
            + "page (Debian/Ubuntu: apt-get install chromium chromium-driver), or set CHROME_BIN and CHROMEDRIVER";

    @Test
    void pageRendersWithEveryImageEveryLinkAndNoConsoleError() throws IOException {
        Optional<Path> browser = executable("CHROME_BIN", "/usr/bin/chromium", "/usr/bin/chromium-browser",
                "/usr/bin/google-chrome");
        Optional<Path> driverBinary = executable("CHROMEDRIVER", "/usr/bin/chromedriver",
                "/usr/lib/chromium/chromedriver");
        if (browser.isEmpty() || driverBinary.isEmpty()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true but no browser: " + INSTALL);
            }
            Assumptions.abort(INSTALL);
        }
        Run.Result tour = QuickTour.run();
        assertEquals(0, tour.status(), tour::toString);
        Path page = QuickTour.DIRECTORY.resolve("index.html");

        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.get().toFile());
        // --no-sandbox: CI containers run as root, where Chromium's sandbox cannot start
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,2000", "--allow-file-access-from-files");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driverBinary.get().toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            List<String> problems = problems(driver, page, true);
            assertTrue(problems.isEmpty(), "problems on the tour page: " + problems);
            assertFalse(driver.getTitle().isBlank());

            // the same checks see a page that is broken in each of the three ways
            Path brokenPage = QuickTour.DIRECTORY.resolveSibling("broken-page.html");
            Files.writeString(brokenPage, "<!DOCTYPE html><html><head><title>broken</title></head><body>"
                    + "<img src=\"quick-tour/no-such-figure.png\"><a href=\"quick-tour/no-such-file.csv\">x</a>"
                    + "<script>console.error('deliberate')</script></body></html>");
            List<String> found = problems(driver, brokenPage, false);
            assertTrue(found.stream().anyMatch(f -> f.startsWith("image not loaded") && f.contains("no-such-figure")),
                    found::toString);
            assertTrue(found.stream().anyMatch(f -> f.startsWith("broken link") && f.contains("no-such-file.csv")),
                    found::toString);
            assertTrue(found.stream().anyMatch(f -> f.startsWith("console") && f.contains("deliberate")),
                    found::toString);
        } finally {
            driver.quit();
        }
    }

    /** What is wrong with the page: images not loaded, broken local links, console messages of warning level up. */
    private static List<String> problems(ChromeDriver driver, Path page, boolean screenshot) throws IOException {
        driver.get(page.toUri().toString());
        JavascriptExecutor js = driver;
        List<String> problems = new ArrayList<>();
        if (!"complete".equals(js.executeScript("return document.readyState"))) {
            problems.add("page did not finish loading");
        }
        if (screenshot) {
            byte[] png = driver.getScreenshotAs(OutputType.BYTES);
            Files.write(QuickTour.DIRECTORY.resolveSibling("quick-tour-screenshot.png"), png);
            BufferedImage shot = ImageIO.read(new ByteArrayInputStream(png));
            if (shot == null || shot.getWidth() == 0 || shot.getHeight() == 0) {
                problems.add("the screenshot is not an image");
            }
            @SuppressWarnings("unchecked")
            long count = ((Number) js.executeScript("return document.images.length")).longValue();
            if (count < 5) {
                problems.add("only " + count + " images on the page");
            }
        }
        @SuppressWarnings("unchecked")
        List<List<Object>> images = (List<List<Object>>) js.executeScript("return Array.from(document.images)"
                + ".map(i => [i.getAttribute('src'), i.complete, i.naturalWidth])");
        for (List<Object> image : images) {
            if (!Boolean.TRUE.equals(image.get(1)) || ((Number) image.get(2)).longValue() <= 0) {
                problems.add("image not loaded (naturalWidth 0): " + image.get(0));
            }
        }
        @SuppressWarnings("unchecked")
        List<String> links = (List<String>) js.executeScript(
                "return Array.from(document.querySelectorAll('a[href]')).map(a => a.href)");
        for (String link : links) {
            URI uri = URI.create(link);
            if (!"file".equals(uri.getScheme())) {
                problems.add("link leaves the report: " + link);
                continue;
            }
            Path target = Path.of(URI.create("file://" + uri.getRawPath()));
            if (!Files.isRegularFile(target)) {
                problems.add("broken link: " + link);
            } else if (uri.getFragment() != null && !Boolean.TRUE.equals(js.executeScript(
                    "return document.getElementById(arguments[0]) !== null", uri.getFragment()))) {
                problems.add("broken anchor: " + link);
            }
        }
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
                problems.add("console " + e.getLevel() + ": " + e.getMessage());
            }
        }
        return problems;
    }

    private static Optional<Path> executable(String environment, String... candidates) {
        String fromEnvironment = System.getenv(environment);
        List<String> all = new ArrayList<>();
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            all.add(fromEnvironment);
        }
        all.addAll(List.of(candidates));
        return all.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

}
