package fr.sesame.selfcare;

import fr.sesame.mail.MailComposer;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * What a change on the account page touched, as the notice mail names it ({@code account-changed.what.<key>} in
 * the mail bundles, in the mail's language).
 */
enum AccountChange {
    JOKER,
    SMS,
    PHOTO,
    DIRECTORY,
    PHOTO_AND_DIRECTORY,
    PERSONAL_EMAIL;

    String phrase(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(MailComposer.BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return bundle.getString(key());
    }

    String key() {
        return "account-changed.what." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
