package fr.sesame.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that drives the portal in a real browser: the portal runs once for the whole test
 * run ({@link PortalExtension}), each class gets its own headless Chromium ({@link BrowserExtension}),
 * and test methods may take a {@link Browser} and the {@link Portal} as parameters.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith({PortalExtension.class, BrowserExtension.class})
public @interface BrowserTest {}
