package fr.sesame.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * Where a page of several forms takes the keyboard after one of them was refused: the field, or else the form, its
 * message is tied to ({@link PageMessages#firstTarget()}), so the person is back by the message and hears it. Pages
 * use it in a {@code p:focus}; {@code null} when the response's messages are for the whole page.
 */
@Named
@RequestScoped
public class RefusedFormFocus {

    public String getTarget() {
        return PageMessages.firstTarget();
    }
}
