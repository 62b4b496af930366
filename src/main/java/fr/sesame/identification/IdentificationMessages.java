package fr.sesame.identification;

import fr.sesame.identification.IdentificationResult.AccountLocked;
import fr.sesame.identification.IdentificationResult.ClientThrottled;
import fr.sesame.identification.IdentificationResult.InvalidBirthDate;
import fr.sesame.identification.IdentificationResult.InvalidFormat;
import fr.sesame.web.PageMessages;
import fr.sesame.web.Times;

/** Tells the person, in their language, why the identification step did not let them through. */
public final class IdentificationMessages {

    private IdentificationMessages() {}

    /** Shows the result's message; errors about one field are tied to that field of the identification form. */
    public static void show(IdentificationResult result, String formId) {
        if (result instanceof InvalidFormat invalid) {
            PageMessages.errorFor(formId + ":identifier", invalid.messageKey());
        } else if (result instanceof InvalidBirthDate invalid) {
            PageMessages.errorFor(formId + ":birthDate", invalid.messageKey());
        } else if (result instanceof AccountLocked locked) {
            PageMessages.error(locked.messageKey(), Times.clock(locked.until()));
        } else if (result instanceof ClientThrottled throttled) {
            PageMessages.error(throttled.messageKey(), Times.clock(throttled.retryAt()));
        } else {
            PageMessages.error(result.messageKey());
        }
    }
}
