package io.thumbler.it;

import static io.thumbler.it.ThumblerClient.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.File;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.thumbler.security.UrlSigner;

/**
 * The playground on the built WAR (the shared Arquillian configuration turns it on), used the way a
 * person uses it: in Debian's Chromium, headless, driven by Selenium through Debian's chromedriver.
 * Nothing is downloaded: the driver and browser paths are given, so Selenium Manager never runs
 * (and is told to stay offline should it run anyway).
 *
 * <p>The playground switched off is covered by {@code PlaygroundGuardTest}: one deployment per
 * configuration costs a server boot each, and the guard is the only code that reads the switch.
 */
class PlaygroundIT extends DeployedThumbler {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** 2880x2160: a 4:3 photo, so a 300-pixel-wide fit is exactly 300x225. */
    private static final String PHOTO = "free_by_Peter_Nerlich.jpg";
    private static final Duration RENDER_WAIT = Duration.ofSeconds(90);

    private static ChromeDriver browser;
    private static Path profile;

    @AfterAll
    static void closeBrowser() throws Exception {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void choosingASampleWidthAndFormatShowsTheVariantAndTheUrlThatServesIt() throws Exception {
        ChromeDriver page = openPlayground();

        page.findElement(By.cssSelector("#samples input[value='local:///" + PHOTO + "'] + img")).click();
        type(page.findElement(By.id("width")), "300");
        page.findElement(By.cssSelector("label[for='f-webp']")).click();

        String expectedPath = "/rs:fit:300:0/plain/local%3A%2F%2F%2F" + PHOTO + "@webp";
        WebElement result = waitForResult(page, expectedPath);
        assertThat(result.getDomProperty("naturalWidth")).isEqualTo("300");
        assertThat(result.getDomProperty("naturalHeight")).isEqualTo("225");
        assertThat(page.findElement(By.id("result-format")).getText()).isEqualTo("WebP");
        assertThat(page.findElement(By.id("result-dims")).getText()).isEqualTo("300 × 225");

        // The URL shown is the one the preview came from, and it serves the very same bytes to anyone.
        String shownUrl = page.findElement(By.id("result-url")).getDomProperty("value");
        assertThat(shownUrl).isEqualTo(result.getDomAttribute("data-url")).endsWith(expectedPath);
        HttpResponse<byte[]> direct = client.send(HttpRequest.newBuilder(URI.create(shownUrl)).GET());
        assertThat(direct.statusCode()).as(text(direct)).isEqualTo(200);
        assertThat(direct.headers().firstValue("Content-Type")).hasValue("image/webp");
        assertThat(direct.body()).isEqualTo(previewBytes(page));

        // Server-Timing drawn as a bar: always its stages, and the render among them on a miss (a hit
        // or a request that joined another's render has none; the disk tier may keep this variant).
        String cache = page.findElement(By.id("result-cache")).getText();
        assertThat(page.findElements(By.cssSelector("#timing-bar .seg"))).isNotEmpty();
        if ("miss".equals(cache)) {
            assertThat(page.findElements(By.cssSelector("#timing-bar .seg-render"))).hasSize(1);
        }
        // The format strip reuses the shown WebP's size and fetches the JPEG of the same variant.
        new WebDriverWait(page, RENDER_WAIT).until(ExpectedConditions.attributeToBe(By.id("compare"), "data-state", "done"));
        assertThat(page.findElement(By.cssSelector("#compare li[data-format='webp']")).getDomAttribute("data-bytes"))
                .isEqualTo(String.valueOf(direct.body().length));
        assertThat(Integer.parseInt(page.findElement(By.cssSelector("#compare li[data-format='jpg']")).getDomAttribute("data-bytes")))
                .isPositive();

        screenshot(page, "target/playground-screenshot.png");
        page.manage().window().setSize(new Dimension(390, 844));
        screenshot(page, "target/playground-screenshot-phone.png");
        page.manage().window().setSize(new Dimension(1400, 1000));
    }

    @Test
    void theServersMessageAppearsNextToTheControlThatCausedIt() {
        ChromeDriver page = openPlayground();
        waitForResult(page, "LadyBird.jpg");

        type(page.findElement(By.id("width")), "100000");
        WebElement widthError = waitForError(page, "error-width");
        assertThat(widthError.getText()).contains("option 'resize' (written 'rs')", "width 100000 is above the maximum of 8192");
        assertThat(page.findElement(By.id("width")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(page.findElement(By.id("result-img")).getDomAttribute("data-state")).isEqualTo("error");

        type(page.findElement(By.id("width")), "200");
        type(page.findElement(By.id("extra")), "sparkle:9");
        assertThat(waitForError(page, "error-extra").getText()).contains("unknown processing option 'sparkle'");
        assertThat(page.findElement(By.id("error-width")).isDisplayed()).isFalse();

        type(page.findElement(By.id("extra")), "");
        type(page.findElement(By.id("source")), "local:///no-such-photo.jpg");
        assertThat(waitForError(page, "error-source").getText()).contains("original 'local:///no-such-photo.jpg' not found");
    }

    @Test
    void theSigningEndpointSignsProcessingPathsWithTheServersKeyAndNothingElse() {
        String path = ThumblerClient.plainPath("rs:fill:120:80/g:no", "LadyBird.jpg", "png");
        HttpResponse<byte[]> signed = postJson("{\"path\": \"" + path + "\"}");
        String expected = new UrlSigner(List.of(ThumblerClient.KEY), 32).sign(path);

        assertThat(signed.statusCode()).as(text(signed)).isEqualTo(200);
        assertThat(signed.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(text(signed)).contains("\"signature\":\"" + expected + "\"", "/" + expected + path + "\"")
                .doesNotContain("736563726574");

        assertThat(text(postJson("{\"path\": \"/etc/passwd\"}"))).contains("is not valid base64url");
        assertThat(postJson("{\"path\": \"/w:10/plain/local%3A%2F%2F%2Fa.jpg?x=1\"}").statusCode()).isEqualTo(400);
        assertThat(postJson("{\"path\": \"/w:10/plain/file%3A%2F%2F%2Fetc%2Fpasswd@jpg\"}").statusCode()).isEqualTo(400);
        assertThat(postJson("{\"path\": \"" + "/w:1".repeat(1100) + "\"}").statusCode()).isEqualTo(400);
        assertThat(postJson("x".repeat(10_000)).statusCode()).isEqualTo(413);
        HttpResponse<byte[]> form = client.send(HttpRequest.newBuilder(URI.create(client.base() + "/playground/api/sign"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("path=" + path)));
        assertThat(form.statusCode()).isEqualTo(415);
    }

    @Test
    void theSampleListGivesEachOriginalWithASignedThumbnail() {
        HttpResponse<byte[]> r = client.get("/playground/api/samples");

        assertThat(r.statusCode()).isEqualTo(200);
        String json = text(r);
        assertThat(json).contains("\"name\":\"LadyBird.jpg\"", "\"source\":\"local:///LadyBird.jpg\"", "\"bytes\":351588");
        String thumbnail = json.replaceFirst("(?s).*\"name\":\"LadyBird.jpg\"[^}]*\"thumbnail\":\"([^\"]+)\".*", "$1");
        String origin = client.base().replaceFirst("(https?://[^/]+).*", "$1");
        HttpResponse<byte[]> tile = client.send(HttpRequest.newBuilder(URI.create(origin + thumbnail)).GET());
        assertThat(tile.statusCode()).as(text(tile)).isEqualTo(200);
        assertThat(Images.decode(tile.body())).extracting(i -> i.getWidth() + "x" + i.getHeight()).isEqualTo("160x160");
    }

    @Test
    void thePageIsServedWithAPolicyThatKeepsItToThisOrigin() {
        HttpResponse<byte[]> page = client.get("/playground/");
        HttpResponse<byte[]> bare = client.get("/playground");
        HttpResponse<byte[]> unknown = client.get("/playground/secrets.txt");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("default-src 'none'", "script-src 'self'", "connect-src 'self'");
        assertThat(text(page)).contains("<title>Thumbler playground</title>");
        assertThat(bare.statusCode()).isEqualTo(301);
        assertThat(bare.headers().firstValue("Location")).get().asString().endsWith("/playground/");
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    // ---- helpers ----------------------------------------------------------------------------

    private ChromeDriver openPlayground() {
        ChromeDriver page = browser();
        page.get(client.base() + "/playground/");
        new WebDriverWait(page, RENDER_WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#samples .tile")));
        return page;
    }

    /** Waits until the preview shows the variant whose URL ends with {@code pathEnd}. */
    private static WebElement waitForResult(ChromeDriver page, String pathEnd) {
        WebElement img = page.findElement(By.id("result-img"));
        new WebDriverWait(page, RENDER_WAIT).until(d -> "loaded".equals(img.getDomAttribute("data-state"))
                && img.getDomAttribute("data-url") != null && img.getDomAttribute("data-url").contains(pathEnd)
                && "idle".equals(d.findElement(By.tagName("body")).getDomAttribute("data-state")));
        return img;
    }

    private static WebElement waitForError(ChromeDriver page, String id) {
        return new WebDriverWait(page, RENDER_WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    /** Replaces a field's text the way a person does, so the page sees ordinary input events. */
    private static void type(WebElement field, String text) {
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        if (!text.isEmpty()) {
            field.sendKeys(text);
        }
    }

    /** The bytes behind the preview's blob: URL, read inside the page. */
    private static byte[] previewBytes(ChromeDriver page) {
        Object base64 = ((JavascriptExecutor) page).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(document.getElementById('result-img').src)
                  .then((r) => r.arrayBuffer())
                  .then((b) => { let s = ''; for (const x of new Uint8Array(b)) s += String.fromCharCode(x); done(btoa(s)); })
                  .catch((e) => done('failed: ' + e));
                """);
        assertThat(base64).asString().doesNotStartWith("failed");
        return Base64.getDecoder().decode((String) base64);
    }

    private static void screenshot(ChromeDriver page, String file) throws Exception {
        // Choosing a control may have scrolled the window; the artifact shows the page from its top.
        page.executeScript("window.scrollTo(0, 0)");
        Path shot = page.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, Path.of(file), StandardCopyOption.REPLACE_EXISTING);
    }

    private HttpResponse<byte[]> postJson(String body) {
        return client.send(HttpRequest.newBuilder(URI.create(client.base() + "/playground/api/sign"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** One headless Chromium for the class, started on first use; skips when Debian's Chromium is absent. */
    private static ChromeDriver browser() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
        if (browser == null) {
            // Passed to Selenium Manager as its environment, should anything ever start it.
            System.setProperty("SE_OFFLINE", "true");
            try {
                profile = Files.createTempDirectory("thumbler-chromium-");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--user-data-dir=" + profile, "--window-size=1400,1000");
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
            browser = new ChromeDriver(service, options);
        }
        return browser;
    }
}
