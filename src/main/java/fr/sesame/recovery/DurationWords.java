package fr.sesame.recovery;

import fr.sesame.web.PageMessages;
import java.time.Duration;

/** A configured duration as a person reads it, in the page's language: "12 heures", "3 jours", "90 minutes". */
final class DurationWords {

    private DurationWords() {}

    static String of(Duration duration) {
        long minutes = Math.max(1, (duration.toSeconds() + 59) / 60);
        if (minutes % (24 * 60) == 0) {
            return PageMessages.text("recovery.duration.days", minutes / (24 * 60));
        }
        if (minutes % 60 == 0) {
            return PageMessages.text("recovery.duration.hours", minutes / 60);
        }
        return PageMessages.text("recovery.duration.minutes", minutes);
    }
}
