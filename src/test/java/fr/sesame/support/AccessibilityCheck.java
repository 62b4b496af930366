package fr.sesame.support;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.openqa.selenium.WebDriver;

/**
 * Runs axe-core on the page a browser shows and fails on any serious or critical WCAG 2.1 A/AA
 * violation. Exists so every page a test visits is checked the same way; {@link Browser} calls it
 * after each navigation, so a test writer cannot forget it.
 */
final class AccessibilityCheck {

    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

    private AccessibilityCheck() {
    }

    /** Throws an {@link AssertionError} listing each blocking violation, the elements and how to fix them. */
    static void assertNoSeriousViolations(WebDriver driver) {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
        String page = driver.getCurrentUrl();
        if (results.isErrored()) {
            throw new AssertionError("axe-core could not check " + page + ": " + results.getErrorMessage());
        }
        List<Rule> blocking = results.getViolations().stream()
                .filter(rule -> BLOCKING_IMPACTS.contains(rule.getImpact()))
                .toList();
        if (!blocking.isEmpty()) {
            throw new AssertionError(describe(page, blocking));
        }
    }

    private static String describe(String page, List<Rule> violations) {
        return violations.stream()
                .map(AccessibilityCheck::describe)
                .collect(Collectors.joining("\n", "Accessibility violations on " + page + ":\n", ""));
    }

    private static String describe(Rule rule) {
        String elements = rule.getNodes().stream()
                .map(AccessibilityCheck::describe)
                .collect(Collectors.joining("\n"));
        return "- [" + rule.getImpact() + "] " + rule.getId() + ": " + rule.getHelp() + " (" + rule.getHelpUrl() + ")\n"
                + elements;
    }

    private static String describe(CheckedNode node) {
        String summary = node.getFailureSummary() == null ? "" : node.getFailureSummary().replace("\n", " ");
        return "    " + node.getTarget() + "  " + node.getHtml() + "\n      " + summary;
    }
}
