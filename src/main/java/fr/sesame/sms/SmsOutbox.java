package fr.sesame.sms;

import fr.sesame.web.Times;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;

/**
 * Backs the SMS outbox page ({@code /sms/outbox.xhtml}): the messages the development gateway kept, newest first, so
 * that a newcomer reads in the browser the SMS the helpdesk sent. Reachable only with that gateway
 * ({@link SmsOutboxGuard}).
 */
@Named
@RequestScoped
public class SmsOutbox {

    /** One message as the page shows it. */
    public record Shown(String to, String text, String sentAt) {}

    @Inject
    SmsSender sms;

    private List<Shown> messages;

    public List<Shown> getMessages() {
        if (messages == null) {
            Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
            messages = sms.devOutbox().map(DevSmsGateway::newestFirst).orElse(List.of()).stream()
                    .map(kept -> new Shown(kept.to(), kept.text(), Times.dateTime(kept.sentAt(), locale)))
                    .toList();
        }
        return messages;
    }
}
