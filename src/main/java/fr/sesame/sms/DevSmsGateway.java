package fr.sesame.sms;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The development gateway: sends nothing, keeps the newest messages in memory so that a newcomer reads them in the
 * browser ({@code /sms/outbox.xhtml}), as the demo mailbox does for mail. Anyone who reaches that page reads the reset
 * links in them: never in production.
 */
public final class DevSmsGateway implements SmsGateway {

    /** How many messages the outbox keeps; older ones are dropped. */
    public static final int KEPT = 100;

    /** One message as the outbox shows it. */
    public record KeptSms(String to, String text, Instant sentAt) {

        @Override
        public String toString() {
            return "KeptSms[to=" + to + ", sentAt=" + sentAt + "]";
        }
    }

    private final Deque<KeptSms> messages = new ArrayDeque<>();
    private final Clock clock;

    public DevSmsGateway() {
        this(Clock.systemUTC());
    }

    public DevSmsGateway(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void send(String number, String text) {
        messages.addFirst(new KeptSms(number, text, clock.instant()));
        while (messages.size() > KEPT) {
            messages.removeLast();
        }
    }

    /** The kept messages, newest first. */
    public synchronized List<KeptSms> newestFirst() {
        return List.copyOf(messages);
    }
}
