package fr.sesame.sms;

import fr.sesame.config.SesameConfig;
import fr.sesame.directory.MobileNumbers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The portal's one way to text someone, through the gateway {@code sesame.sms.gateway} chooses (the development
 * gateway in demo mode unless told otherwise, none elsewhere). Exists so that flows ask whether SMS can be sent at
 * all, and never pick or build a gateway themselves.
 */
@ApplicationScoped
public class SmsSender {

    private static final Logger LOG = Logger.getLogger(SmsSender.class.getName());

    private SmsGateway gateway;
    private String outboxAddress;

    /** For CDI's proxy only. */
    protected SmsSender() {}

    @Inject
    public SmsSender(SesameConfig config) {
        this(gatewayFor(config));
        outboxAddress = config.publicBaseUrl() + "/sms/outbox.xhtml";
        if (gateway instanceof DevSmsGateway && !config.embedded()) {
            LOG.warning("sesame.sms.gateway=dev outside demo mode: no SMS leaves, and anyone can read them, reset links"
                    + " included, at " + outboxAddress + ". Never in production.");
        }
    }

    /**
     * Builds the gateway at start-up, so that a wrong setting shows then rather than at the first SMS, and says
     * where SMS go.
     */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (gateway instanceof DevSmsGateway) {
            LOG.info(() -> "SMS are kept by the development gateway, not sent: read them at " + outboxAddress);
        }
    }

    /** @param gateway where messages go; {@code null}: nowhere, SMS are not offered */
    public SmsSender(SmsGateway gateway) {
        this.gateway = gateway;
    }

    private static SmsGateway gatewayFor(SesameConfig config) {
        return switch (config.smsGateway()) {
            case NONE -> null;
            case DEV -> new DevSmsGateway();
            case HTTP -> new HttpSmsGateway(config.smsHttp());
        };
    }

    /** Whether a gateway is configured: without one, no page offers to send an SMS. */
    public boolean available() {
        return gateway != null;
    }

    /** The development gateway's outbox, when it is the gateway in use: the only case its page exists. */
    public Optional<DevSmsGateway> devOutbox() {
        return gateway instanceof DevSmsGateway dev ? Optional.of(dev) : Optional.empty();
    }

    /**
     * Sends {@code text} to {@code mobile}, normalised first ({@link MobileNumbers}).
     *
     * @throws IllegalStateException if no gateway is configured ({@link #available()})
     * @throws IllegalArgumentException if {@code mobile} is not a mobile number
     * @throws SmsNotSentException if the gateway did not take the message
     */
    public void send(String mobile, String text) throws SmsNotSentException {
        if (gateway == null) {
            throw new IllegalStateException("No SMS gateway is configured (sesame.sms.gateway=none)");
        }
        String number = MobileNumbers.normalize(mobile)
                .orElseThrow(() -> new IllegalArgumentException("Not a mobile number"));
        gateway.send(number, text);
    }
}
