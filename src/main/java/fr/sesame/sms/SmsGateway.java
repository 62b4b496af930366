package fr.sesame.sms;

/**
 * Where a text message goes out. Exists so that the flows that text people do not depend on one provider: every
 * university has its own, reached over HTTP ({@link HttpSmsGateway}), and the demo keeps them in an outbox
 * ({@link DevSmsGateway}).
 */
public interface SmsGateway {

    /**
     * Hands one message to the gateway, and returns once the gateway took it.
     *
     * @param number the recipient in international form, e.g. {@code +33612345678} (see
     *     {@link fr.sesame.directory.MobileNumbers})
     * @param text the message; it may carry a secret link, so it is never logged
     * @throws SmsNotSentException if the gateway refused it, could not be reached or did not answer in time
     */
    void send(String number, String text) throws SmsNotSentException;
}
