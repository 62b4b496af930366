package fr.sesame.support;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person's browser on the portal, as a test drives it: open a page, fill a field by its label,
 * click a link or button by its text. Exists so browser tests read like what a person does, wait for
 * PrimeFaces' ajax by themselves, and have every page they reach checked by axe-core (see
 * {@link AccessibilityCheck}) without having to ask for it. Created by {@link BrowserExtension}.
 */
public final class Browser {

    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(20);
    /** How long a click gets to start replacing the page before it is taken for an ajax or in-page action. */
    private static final Duration NAVIGATION_GRACE = Duration.ofMillis(500);

    private static final String IDLE = "return document.readyState === 'complete'"
            + " && (!window.PrimeFaces || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty())"
            + " && (!window.jQuery || jQuery.active === 0);";

    private final ChromeDriver driver;
    private final String baseUrl;

    Browser(ChromeDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Opens a page of the portal by its path ({@code "/"}, {@code "/help/index.xhtml"}), then checks it. */
    public Browser open(String path) {
        driver.get(baseUrl + (path.startsWith("/") ? path : "/" + path));
        settle();
        return this;
    }

    /** Clicks the link or button with this visible text, id or accessible label, then checks what it leads to. */
    public Browser click(String textOrId) {
        return click(clickable(textOrId));
    }

    /** Clicks the element found by this locator, then checks what it leads to. */
    public Browser click(By locator) {
        return click(visible(locator));
    }

    /** Follows an item of the portal's main menu, by its visible text. */
    public Browser followMenu(String item) {
        return click(By.xpath("//nav[contains(@class,'main-menu')]//a[normalize-space(.)=" + literal(item) + "]"));
    }

    /** Types a value into the field whose label has this text (without the required-field star), or this id. */
    public Browser fill(String labelOrId, String value) {
        WebElement field = field(labelOrId);
        field.clear();
        field.sendKeys(value);
        return this;
    }

    /** Picks the option with this visible text in the drop-down list whose label has this text. */
    public Browser select(String labelOrId, String optionText) {
        new org.openqa.selenium.support.ui.Select(field(labelOrId)).selectByVisibleText(optionText);
        return this;
    }

    /** Ticks the radio button or checkbox whose label has this text, as a person clicks its label. */
    public Browser tick(String labelText) {
        field(labelText).click();
        return this;
    }

    /** The texts of the messages the page shows (the alert region and the messages next to fields). */
    public List<String> messages() {
        return driver.findElements(By.cssSelector(".page-messages li, .ui-message, .field-messages li")).stream()
                .filter(WebElement::isDisplayed)
                .map(WebElement::getText)
                .filter(text -> !text.isBlank())
                .distinct()
                .toList();
    }

    /** The text of the whole page, as a person reads it. */
    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** The text of the first element matching a CSS selector. */
    public String text(String cssSelector) {
        return visible(By.cssSelector(cssSelector)).getText();
    }

    /** The texts of all elements matching a CSS selector, in page order. */
    public List<String> texts(String cssSelector) {
        return driver.findElements(By.cssSelector(cssSelector)).stream().map(WebElement::getText).toList();
    }

    /** An attribute of the first element matching a CSS selector, as the markup has it; null when absent. */
    public String attribute(String cssSelector, String name) {
        return driver.findElement(By.cssSelector(cssSelector)).getDomAttribute(name);
    }

    /** The page's one h1. */
    public String heading() {
        return text("h1");
    }

    public String title() {
        return driver.getTitle();
    }

    /** The language the page declares on {@code <html lang>}. */
    public String language() {
        return driver.findElement(By.tagName("html")).getDomAttribute("lang");
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** Presses a key as a person would, on whatever has the focus (the page itself after loading). */
    public Browser press(Keys key) {
        new Actions(driver).sendKeys(key).perform();
        return this;
    }

    /** The element that has the keyboard focus. */
    public WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** The element that has the keyboard focus, once the page moved it to this one (PrimeFaces does so on load). */
    public WebElement focusMovesTo(String id) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(3)).until(d -> id.equals(focused().getDomAttribute("id")));
        } catch (TimeoutException stayed) {
            // The caller asserts, with what has the focus.
        }
        return focused();
    }

    /** What a screen reader reads after an element's label: the texts of the elements its aria-describedby names. */
    public String description(WebElement element) {
        String ids = element.getDomAttribute("aria-describedby");
        return ids == null ? "" : Arrays.stream(ids.split(" ")).map(id -> driver.findElement(By.id(id)).getText())
                .collect(Collectors.joining(" ")).strip();
    }

    /** The id of the form an element is in; empty when in none (the page itself, after loading). */
    public static String formOf(WebElement element) {
        return element.findElements(By.xpath("ancestor::form")).stream().map(form -> form.getDomAttribute("id"))
                .findFirst().orElse("");
    }

    /** The messages shown inside one form (by its id): next to its fields and at its top. */
    public List<String> messagesIn(String form) {
        return driver.findElements(By.cssSelector("form#" + form + " .ui-message, form#" + form + " .field-messages li"))
                .stream().filter(WebElement::isDisplayed).map(WebElement::getText).filter(text -> !text.isBlank())
                .toList();
    }

    /** Resizes the window, e.g. to 320 px wide for WCAG 1.4.10 reflow; {@link BrowserExtension} restores it for the next test. */
    public Browser resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        return this;
    }

    /** Whether the page is wider than the window, forcing a person to scroll sideways. */
    public boolean scrollsSideways() {
        return Boolean.TRUE.equals(driver.executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth;"));
    }

    /** Ends the session as a timeout would: every cookie is dropped, the page stays as it is. */
    public Browser forgetSession() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        return this;
    }

    /** Checks the current page with axe-core again, after a test changed it in a way the helpers do not see. */
    public Browser checkAccessibility() {
        AccessibilityCheck.assertNoSeriousViolations(driver);
        return this;
    }

    /** The underlying driver, for what the helpers do not cover; call {@link #checkAccessibility()} after. */
    public ChromeDriver driver() {
        return driver;
    }

    private Browser click(WebElement target) {
        WebElement page = driver.findElement(By.tagName("html"));
        target.click();
        try {
            new WebDriverWait(driver, NAVIGATION_GRACE).until(d -> isGone(page));
        } catch (TimeoutException stayedOnPage) {
            // An ajax request or an in-page action: the idle wait below covers it.
        }
        settle();
        return this;
    }

    /** Whether the page this element belongs to was replaced; Chromium says so in more than one way. */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.WebDriverException replaced) {
            return true;
        }
    }

    private void settle() {
        new WebDriverWait(driver, PAGE_TIMEOUT)
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(IDLE)));
        AccessibilityCheck.assertNoSeriousViolations(driver);
    }

    private WebElement clickable(String textOrId) {
        String text = literal(textOrId);
        String clickables = "//a | //button | //input[@type='submit' or @type='button'] | //*[@role='button' or @role='link']";
        return first(By.xpath("(" + clickables + ")[@id=" + text + " or normalize-space(.)=" + text
                + " or @value=" + text + " or @aria-label=" + text + "]"), "link or button '" + textOrId + "'");
    }

    private WebElement field(String labelOrId) {
        List<WebElement> labels = driver.findElements(
                By.xpath("//label[normalize-space(translate(., '*', ''))=" + literal(labelOrId) + "]"));
        String id = labels.isEmpty() ? labelOrId : labels.get(0).getDomAttribute("for");
        return first(By.id(id), "field '" + labelOrId + "'");
    }

    private WebElement visible(By locator) {
        return first(locator, locator.toString());
    }

    private WebElement first(By locator, String description) {
        return driver.findElements(locator).stream()
                .filter(WebElement::isDisplayed)
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("No visible " + description + " on " + currentUrl()));
    }

    /** An XPath string literal for any text, quotes included. */
    private static String literal(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        if (!text.contains("\"")) {
            return "\"" + text + "\"";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }
}
