package fr.sesame.directory;

import java.util.Locale;

/**
 * Each piece of a person's account the portal reads or writes. The attribute that holds it is
 * configurable ({@code sesame.attribute.<key>}); the defaults follow SupAnn 2021, SCHAC, eduPerson,
 * inetOrgPerson and the portal's own schema in {@code ldap-schema/}.
 */
public enum AccountField {
    LOGIN("supannAliasLogin"),
    UID("uid"),
    STUDENT_NUMBER("supannEtuId"),
    INE("supannCodeINE"),
    STAFF_NUMBER("supannEmpId"),
    BIRTH_DATE("schacDateOfBirth"),
    GIVEN_NAME("givenName"),
    SURNAME("sn"),
    DISPLAY_NAME("displayName"),
    INSTITUTIONAL_EMAIL("mail"),
    PERSONAL_EMAIL("supannMailPerso"),
    MOBILE("mobile"),
    ALIAS("sesameAlias"),
    AFFILIATION("eduPersonAffiliation"),
    PRIMARY_AFFILIATION("eduPersonPrimaryAffiliation"),
    ACCOUNT_STATE("supannRessourceEtat"),
    ACCOUNT_STATE_DATES("supannRessourceEtatDate"),
    CONSENT("supannConsentement"),
    DIRECTORY_HIDDEN("supannListeRouge"),
    PREFERRED_LANGUAGE("preferredLanguage"),
    PASSWORD("userPassword"),
    JOKER_QUESTION("sesameJokerQuestion"),
    JOKER_ANSWER("sesameJokerAnswer"),
    PASSWORD_HISTORY("sesamePasswordHistory"),
    SMS_CONSENT("sesameSmsConsent"),
    PHOTO_CONSENT("sesamePhotoConsent"),
    CHARTER_ACCEPTED_AT("sesameCharterAcceptedAt"),
    ACTIVATED_AT("sesameActivatedAt"),
    TOKEN("sesameToken"),
    PENDING_EMAIL("sesamePendingMail"),
    FAILURE("sesameFailure"),
    LOCKED_UNTIL("sesameLockedUntil"),
    MUST_CHANGE_PASSWORD("sesameMustChangePassword"),
    TEMPORARY_PASSWORD_EXPIRY("sesameTemporaryPasswordExpiry"),
    PASSWORD_CHANGED_AT("sesamePasswordChangedAt"),
    SELF_SERVICE_DISABLED("sesameSelfServiceDisabled"),
    JOKER_RESET_REQUIRED("sesameJokerResetRequired"),
    SECURITY_EVENT("sesameSecurityEvent"),
    /** The operational attribute that says when the entry was created (read only). */
    CREATED_AT("createTimestamp"),
    /** The operational attribute that says when the entry last changed (read only). */
    MODIFIED_AT("modifyTimestamp"),
    /** The entry's permanent identifier, given by the directory (RFC 4530, operational, read only). */
    ENTRY_UUID("entryUUID"),
    /**
     * The ppolicy overlay's flag that a password was set by an administrator and must be changed; written only
     * when {@code sesame.temporary-password.pwd-reset} is on (the directory must load ppolicy).
     */
    PWD_RESET("pwdReset");

    private final String defaultAttribute;

    AccountField(String defaultAttribute) {
        this.defaultAttribute = defaultAttribute;
    }

    /** The attribute used when the configuration says nothing. */
    public String defaultAttribute() {
        return defaultAttribute;
    }

    /** The configuration key suffix, e.g. {@code personal-email}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
