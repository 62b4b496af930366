package fr.sesame.config;

import fr.sesame.audit.AuditFileSettings;
import fr.sesame.directory.AccountField;
import fr.sesame.directory.AttributeMap;
import fr.sesame.directory.DirectorySettings;
import fr.sesame.directory.LdapSecurity;
import fr.sesame.mail.MailSecurity;
import fr.sesame.mail.MailSettings;
import fr.sesame.identification.IdentifierFormats;
import fr.sesame.identification.IdentifierKind;
import fr.sesame.password.PasswordPolicySettings;
import fr.sesame.password.PasswordScheme;
import fr.sesame.security.FailureKind;
import fr.sesame.security.ResponseTimeFloor;
import fr.sesame.security.ThrottleSettings;
import fr.sesame.sms.HttpSmsSettings;
import fr.sesame.sms.SmsGatewayKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Sésame's settings, typed. Exists so that no other class reads configuration keys: a newcomer finds
 * every key, its default and its meaning here (and in the README's configuration reference).
 */
@ApplicationScoped
public class SesameConfig {

    /** Start the embedded demo directory and SMTP server inside the portal (demo and development only). */
    public static final String EMBEDDED = "sesame.embedded";
    /** Port of the embedded directory; 0 picks a free one. */
    public static final String EMBEDDED_LDAP_PORT = "sesame.embedded.ldap-port";
    /** Port of the embedded SMTP server; 0 picks a free one. */
    public static final String EMBEDDED_SMTP_PORT = "sesame.embedded.smtp-port";
    /** An LDIF file of more people loaded into the embedded directory after the demo data (the load benchmark's). */
    public static final String EMBEDDED_PEOPLE_LDIF = "sesame.embedded.people-ldif";
    /** Whether the embedded mode also starts its SMTP server; off, mail goes to {@code sesame.mail.*} as configured. */
    public static final String EMBEDDED_MAIL = "sesame.embedded.mail";
    /** Public address of the portal, used to build every link sent by mail (never the request's Host). */
    public static final String PUBLIC_BASE_URL = "sesame.public-base-url";

    public static final String LDAP_URLS = "sesame.ldap.urls";
    public static final String LDAP_SECURITY = "sesame.ldap.security";
    public static final String LDAP_TRUST_STORE = "sesame.ldap.trust-store";
    public static final String LDAP_TRUST_STORE_PASSWORD = "sesame.ldap.trust-store-password";
    public static final String LDAP_TRUST_STORE_TYPE = "sesame.ldap.trust-store-type";
    public static final String LDAP_BIND_DN = "sesame.ldap.bind-dn";
    public static final String LDAP_BIND_PASSWORD = "sesame.ldap.bind-password";
    public static final String LDAP_PEOPLE_BASE = "sesame.ldap.people-base";
    public static final String LDAP_PEOPLE_FILTER = "sesame.ldap.people-filter";
    public static final String LDAP_GROUPS_BASE = "sesame.ldap.groups-base";
    /** Where help requests left on the public "Problème de connexion ?" form are stored ({@code sesameHelpRequest} entries). */
    public static final String LDAP_HELP_REQUESTS_BASE = "sesame.ldap.help-requests-base";
    public static final String LDAP_POOL_SIZE = "sesame.ldap.pool-size";
    public static final String LDAP_CONNECT_TIMEOUT = "sesame.ldap.connect-timeout";
    public static final String LDAP_RESPONSE_TIMEOUT = "sesame.ldap.response-timeout";
    public static final String LDAP_HEALTH_CHECK_INTERVAL = "sesame.ldap.health-check-interval";
    public static final String LDAP_MAX_CONNECTION_AGE = "sesame.ldap.max-connection-age";
    public static final String LDAP_FAILBACK_AFTER = "sesame.ldap.failback-after";

    /** Prefix of the attribute mapping keys: {@code sesame.attribute.<field>}, see {@link AccountField}. */
    public static final String ATTRIBUTE_PREFIX = "sesame.attribute.";
    /** Pattern of the birth-date attribute's values, {@code yyyyMMdd} (SCHAC) or {@code yyyy-MM-dd} (SupAnn OIDC). */
    public static final String BIRTH_DATE_PATTERN = "sesame.attribute.birth-date-pattern";

    public static final String PASSWORD_SCHEME = "sesame.password.scheme";
    public static final String PASSWORD_CRYPT_ROUNDS = "sesame.password.crypt-rounds";

    public static final String MAIL_HOST = "sesame.mail.host";
    public static final String MAIL_PORT = "sesame.mail.port";
    public static final String MAIL_SECURITY = "sesame.mail.security";
    public static final String MAIL_USERNAME = "sesame.mail.username";
    public static final String MAIL_PASSWORD = "sesame.mail.password";
    public static final String MAIL_FROM = "sesame.mail.from";
    public static final String MAIL_TIMEOUT = "sesame.mail.timeout";

    /** Where people can write for help; named in every mail. */
    public static final String SUPPORT_CONTACT = "sesame.support-contact";
    /** The charter ("règlement intérieur") people accept when they set a password: an absolute URL or a path in the portal. */
    public static final String CHARTER_URL = "sesame.charter-url";
    /** The {@code supannConsentement} value that records consent to SMS alerts. */
    public static final String CONSENT_SMS_VALUE = "sesame.consent.sms-value";
    /** The {@code supannConsentement} value that records consent to the use of one's photo. */
    public static final String CONSENT_PHOTO_VALUE = "sesame.consent.photo-value";

    public static final String PASSWORD_MIN_LENGTH = "sesame.password.min-length";
    public static final String PASSWORD_MAX_LENGTH = "sesame.password.max-length";
    public static final String PASSWORD_REQUIRE_LOWERCASE = "sesame.password.require-lowercase";
    public static final String PASSWORD_REQUIRE_UPPERCASE = "sesame.password.require-uppercase";
    public static final String PASSWORD_REQUIRE_DIGIT = "sesame.password.require-digit";
    public static final String PASSWORD_REQUIRE_SPECIAL = "sesame.password.require-special";
    public static final String PASSWORD_SPECIALS = "sesame.password.specials";
    public static final String PASSWORD_HISTORY_SIZE = "sesame.password.history-size";
    public static final String PASSWORD_MIN_ENTROPY_BITS = "sesame.password.min-entropy-bits";
    public static final String PASSWORD_INSTITUTION_WORDS = "sesame.password.institution-words";

    /** Prefix of the per-account throttle keys: {@code sesame.throttle.<identification|joker>.<max-failures|window|lock-duration>}. */
    public static final String THROTTLE_PREFIX = "sesame.throttle.";
    public static final String THROTTLE_CLIENT_MAX_FAILURES = "sesame.throttle.client.max-failures";
    public static final String THROTTLE_CLIENT_WINDOW = "sesame.throttle.client.window";
    public static final String THROTTLE_CLIENT_MAX_TRACKED = "sesame.throttle.client.max-tracked-clients";

    /** Every identification that reaches the directory takes at least this long, known identifier or not. */
    public static final String IDENTIFICATION_RESPONSE_FLOOR = "sesame.identification.response-floor";
    /** Prefix of the identifier pattern keys: {@code sesame.identification.<student|ine|staff|uid>-pattern}. */
    public static final String IDENTIFICATION_PREFIX = "sesame.identification.";
    public static final String IDENTIFICATION_VERIFY_INE_CHECK = "sesame.identification.verify-ine-check";

    /** Stricter forgotten-password mode: a code mailed to the personal address must be typed before the joker question. */
    public static final String RECOVERY_MAIL_CODE = "sesame.recovery.mail-code";
    /** How long a mailed recovery code stays valid. */
    public static final String RECOVERY_MAIL_CODE_LIFETIME = "sesame.recovery.mail-code-lifetime";

    /** How long a mailed reset link works (issue #4, seed 004: 12 hours). */
    public static final String RESET_LINK_LIFETIME = "sesame.reset-link.lifetime";
    /** How long a new password takes to reach every service, told on the reset-by-link done page; empty: not told. */
    public static final String RESET_LINK_PROPAGATION_NOTICE = "sesame.reset-link.propagation-notice";
    /** Most mails (reset links, login reminders) one account may be sent on anonymous request within the window. */
    public static final String MAIL_REQUEST_MAX_PER_ACCOUNT = "sesame.mail-request.max-per-account";
    /** The window of {@link #MAIL_REQUEST_MAX_PER_ACCOUNT}. */
    public static final String MAIL_REQUEST_WINDOW = "sesame.mail-request.window";
    /** Every anonymous mail request takes at least this long, whether it matched an account or not. */
    public static final String MAIL_REQUEST_RESPONSE_FLOOR = "sesame.mail-request.response-floor";
    /** How long a temporary password set by the helpdesk works before it must have been changed. */
    public static final String TEMPORARY_PASSWORD_LIFETIME = "sesame.temporary-password.lifetime";
    /** Also write the ppolicy overlay's {@code pwdReset: TRUE} with a temporary password (the directory must have it). */
    public static final String TEMPORARY_PASSWORD_PWD_RESET = "sesame.temporary-password.pwd-reset";

    /** The group whose members get the {@code helpdesk} role (its DN). */
    public static final String ROLE_HELPDESK_GROUP = "sesame.roles.helpdesk";
    /** The group whose members get the {@code helpdesk-admin} role (its DN). */
    public static final String ROLE_HELPDESK_ADMIN_GROUP = "sesame.roles.helpdesk-admin";
    /** A signed-in session ends after this long without a request. */
    public static final String SESSION_IDLE_TIMEOUT = "sesame.session.idle-timeout";
    /** Every sign-in attempt takes at least this long, known login or not. */
    public static final String SIGNIN_RESPONSE_FLOOR = "sesame.signin.response-floor";

    /** How long the link confirming a new personal address stays valid. */
    public static final String EMAIL_CHANGE_LIFETIME = "sesame.email-change.lifetime";
    /** The public help request form refuses (silently) a submission sent sooner than this after the form was shown. */
    public static final String HELP_REQUEST_MIN_FILL_TIME = "sesame.help-request.min-fill-time";

    /** Which SMS gateway the portal uses: {@code none}, {@code dev} (demo mode's default) or {@code http}. */
    public static final String SMS_GATEWAY = "sesame.sms.gateway";
    /** The HTTP gateway's address; {@code {to}} and {@code {text}} may stand in its query. */
    public static final String SMS_HTTP_URL = "sesame.sms.http.url";
    /** {@code GET} or {@code POST}. */
    public static final String SMS_HTTP_METHOD = "sesame.sms.http.method";
    /** The body template of a POST, with {@code {to}} and {@code {text}}. */
    public static final String SMS_HTTP_BODY = "sesame.sms.http.body";
    /** The body's type, which decides how the placeholders are encoded: form or JSON. */
    public static final String SMS_HTTP_CONTENT_TYPE = "sesame.sms.http.content-type";
    /** The user of HTTP basic authentication, when the provider wants it. */
    public static final String SMS_HTTP_USERNAME = "sesame.sms.http.username";
    /** Its password. */
    public static final String SMS_HTTP_PASSWORD = "sesame.sms.http.password";
    /** The header that carries {@link #SMS_HTTP_HEADER_VALUE}. */
    public static final String SMS_HTTP_HEADER_NAME = "sesame.sms.http.header-name";
    /** A token sent as is in that header, e.g. {@code Bearer …}. */
    public static final String SMS_HTTP_HEADER_VALUE = "sesame.sms.http.header-value";
    /** The longest one message may take to be accepted by the HTTP gateway. */
    public static final String SMS_HTTP_TIMEOUT = "sesame.sms.http.timeout";
    /** A file the audit trail is appended to, one JSON object per line, for a SIEM; empty: the logger only. */
    public static final String AUDIT_FILE = "sesame.audit.file";
    /** Size in bytes (or with K, M, G) at which the audit file is rotated; 0: never. */
    public static final String AUDIT_FILE_MAX_SIZE = "sesame.audit.file-max-size";
    /** How many audit files rotation keeps, the current one included. */
    public static final String AUDIT_FILE_COUNT = "sesame.audit.file-count";
    /**
     * The portal runs as several nodes of one Payara cluster: what the nodes must share besides sessions (the
     * per-client throttle, the help form's signing key) is kept in the cluster's JCache instead of each node's memory.
     */
    public static final String CLUSTER_ENABLED = "sesame.cluster.enabled";

    private Config config;

    /** For CDI's proxy only. */
    protected SesameConfig() {}

    @Inject
    public SesameConfig(Config config) {
        this.config = config;
    }

    public boolean embedded() {
        return bool(EMBEDDED, false);
    }

    public int embeddedLdapPort() {
        return integer(EMBEDDED_LDAP_PORT, 10389);
    }

    public int embeddedSmtpPort() {
        return integer(EMBEDDED_SMTP_PORT, 2525);
    }

    /** The extra LDIF file for the embedded directory, if one is set. */
    public Optional<java.nio.file.Path> embeddedPeopleLdif() {
        return optional(EMBEDDED_PEOPLE_LDIF).filter(path -> !path.isBlank()).map(java.nio.file.Path::of);
    }

    /** Whether the demo SMTP server starts with the embedded mode (it does unless told otherwise). */
    public boolean embeddedMail() {
        return embedded() && bool(EMBEDDED_MAIL, true);
    }

    public String publicBaseUrl() {
        String url = string(PUBLIC_BASE_URL, "http://localhost:8080");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The directory to talk to, as configured (the embedded mode replaces the endpoint and account). */
    public DirectorySettings directory() {
        return new DirectorySettings(
                list(LDAP_URLS, "ldap://localhost:389"),
                LdapSecurity.parse(string(LDAP_SECURITY, "none")),
                optional(LDAP_TRUST_STORE),
                string(LDAP_TRUST_STORE_PASSWORD, ""),
                string(LDAP_TRUST_STORE_TYPE, "PKCS12"),
                string(LDAP_BIND_DN, "cn=sesame,ou=services,dc=univ-demo,dc=fr"),
                string(LDAP_BIND_PASSWORD, ""),
                string(LDAP_PEOPLE_BASE, "ou=people,dc=univ-demo,dc=fr"),
                string(LDAP_PEOPLE_FILTER, "(objectClass=inetOrgPerson)"),
                string(LDAP_GROUPS_BASE, "ou=groups,dc=univ-demo,dc=fr"),
                integer(LDAP_POOL_SIZE, 10),
                duration(LDAP_CONNECT_TIMEOUT, Duration.ofSeconds(5)),
                duration(LDAP_RESPONSE_TIMEOUT, Duration.ofSeconds(10)),
                duration(LDAP_HEALTH_CHECK_INTERVAL, Duration.ofSeconds(60)),
                duration(LDAP_MAX_CONNECTION_AGE, Duration.ofMinutes(30)),
                duration(LDAP_FAILBACK_AFTER, Duration.ofMinutes(2)));
    }

    /** Which directory attribute holds each piece of a person's account. */
    public AttributeMap attributes() {
        Map<AccountField, String> names = new EnumMap<>(AccountField.class);
        for (AccountField field : AccountField.values()) {
            names.put(field, string(ATTRIBUTE_PREFIX + field.key(), field.defaultAttribute()));
        }
        return new AttributeMap(names, string(BIRTH_DATE_PATTERN, "yyyyMMdd"));
    }

    public PasswordScheme passwordScheme() {
        return PasswordScheme.parse(string(PASSWORD_SCHEME, PasswordScheme.SHA512_CRYPT.key()));
    }

    public int passwordCryptRounds() {
        return integer(PASSWORD_CRYPT_ROUNDS, 50_000);
    }

    public MailSettings mail() {
        return new MailSettings(
                string(MAIL_HOST, "localhost"),
                integer(MAIL_PORT, 25),
                MailSecurity.parse(string(MAIL_SECURITY, "none")),
                optional(MAIL_USERNAME),
                string(MAIL_PASSWORD, ""),
                string(MAIL_FROM, "Sésame <no-reply@univ-demo.fr>"),
                duration(MAIL_TIMEOUT, Duration.ofSeconds(10)));
    }

    public String supportContact() {
        return string(SUPPORT_CONTACT, "assistance@univ-demo.fr");
    }

    public String charterUrl() {
        return string(CHARTER_URL, "/help/charter.xhtml");
    }

    public String smsConsentValue() {
        return string(CONSENT_SMS_VALUE, "{SESAME}SMS");
    }

    public String photoConsentValue() {
        return string(CONSENT_PHOTO_VALUE, "{SESAME}PHOTO");
    }

    /** Role name → group DN, for the roles that come from groups (every signed-in person also has {@code user}). */
    public java.util.Map<String, String> roleGroups() {
        return java.util.Map.of(
                "helpdesk", string(ROLE_HELPDESK_GROUP, "cn=helpdesk,ou=groups,dc=univ-demo,dc=fr"),
                "helpdesk-admin", string(ROLE_HELPDESK_ADMIN_GROUP, "cn=helpdesk-admin,ou=groups,dc=univ-demo,dc=fr"));
    }

    public Duration sessionIdleTimeout() {
        return duration(SESSION_IDLE_TIMEOUT, Duration.ofMinutes(15));
    }

    public Duration signinResponseFloor() {
        return duration(SIGNIN_RESPONSE_FLOOR, Duration.ofMillis(300));
    }

    public Duration emailChangeLifetime() {
        return duration(EMAIL_CHANGE_LIFETIME, Duration.ofHours(24));
    }

    public String helpRequestsBase() {
        return string(LDAP_HELP_REQUESTS_BASE, "ou=help-requests,dc=univ-demo,dc=fr");
    }

    public Duration helpRequestMinFillTime() {
        return duration(HELP_REQUEST_MIN_FILL_TIME, Duration.ofSeconds(3));
    }

    /** The SMS gateway: as configured, else the development one in demo mode and none elsewhere. */
    public SmsGatewayKind smsGateway() {
        return optional(SMS_GATEWAY).map(SmsGatewayKind::parse)
                .orElse(embedded() ? SmsGatewayKind.DEV : SmsGatewayKind.NONE);
    }

    public HttpSmsSettings smsHttp() {
        return new HttpSmsSettings(
                string(SMS_HTTP_URL, ""),
                string(SMS_HTTP_METHOD, "POST"),
                string(SMS_HTTP_BODY, ""),
                string(SMS_HTTP_CONTENT_TYPE, "application/x-www-form-urlencoded"),
                optional(SMS_HTTP_USERNAME),
                string(SMS_HTTP_PASSWORD, ""),
                string(SMS_HTTP_HEADER_NAME, "Authorization"),
                string(SMS_HTTP_HEADER_VALUE, ""),
                duration(SMS_HTTP_TIMEOUT, Duration.ofSeconds(10)));
    }

    /** The audit trail's own file, if one is configured. */
    public Optional<AuditFileSettings> auditFile() {
        long maxSize = optional(AUDIT_FILE_MAX_SIZE).map(value -> parse(AUDIT_FILE_MAX_SIZE, value, SesameConfig::bytes))
                .orElse(0L);
        int count = integer(AUDIT_FILE_COUNT, 10);
        return optional(AUDIT_FILE).map(path -> new AuditFileSettings(java.nio.file.Path.of(path), maxSize, count));
    }

    /** {@code 1048576}, {@code 1024K}, {@code 1M} or {@code 1G}. */
    private static long bytes(String value) {
        String upper = value.toUpperCase(Locale.ROOT);
        int shift = switch (upper.charAt(upper.length() - 1)) {
            case 'K' -> 10;
            case 'M' -> 20;
            case 'G' -> 30;
            default -> 0;
        };
        return Long.parseLong(shift == 0 ? upper : upper.substring(0, upper.length() - 1).strip()) << shift;
    }

    public boolean recoveryMailCode() {
        return bool(RECOVERY_MAIL_CODE, false);
    }

    public Duration recoveryMailCodeLifetime() {
        return duration(RECOVERY_MAIL_CODE_LIFETIME, Duration.ofMinutes(15));
    }

    public Duration resetLinkLifetime() {
        return positive(RESET_LINK_LIFETIME, duration(RESET_LINK_LIFETIME, Duration.ofHours(12)));
    }

    /** How long a new password takes to reach every service, when the institution wants people told. */
    public Optional<Duration> resetLinkPropagationNotice() {
        return optional(RESET_LINK_PROPAGATION_NOTICE).map(value -> duration(RESET_LINK_PROPAGATION_NOTICE, Duration.ZERO))
                .filter(notice -> !notice.isZero() && !notice.isNegative());
    }

    /**
     * How many mails one account may be sent on anonymous request (reset links and login reminders together)
     * within {@link #mailRequestWindow()}: between 1 and 10, since they are counted among the events each entry
     * keeps.
     */
    public int mailRequestMaxPerAccount() {
        int max = integer(MAIL_REQUEST_MAX_PER_ACCOUNT, 3);
        if (max < 1 || max > 10) {
            throw new IllegalArgumentException("Setting " + MAIL_REQUEST_MAX_PER_ACCOUNT + " must be between 1 and 10, not " + max);
        }
        return max;
    }

    public Duration mailRequestWindow() {
        return positive(MAIL_REQUEST_WINDOW, duration(MAIL_REQUEST_WINDOW, Duration.ofHours(1)));
    }

    public Duration mailRequestResponseFloor() {
        return duration(MAIL_REQUEST_RESPONSE_FLOOR, Duration.ofMillis(800));
    }

    public Duration temporaryPasswordLifetime() {
        return positive(TEMPORARY_PASSWORD_LIFETIME, duration(TEMPORARY_PASSWORD_LIFETIME, Duration.ofDays(3)));
    }

    public boolean temporaryPasswordPwdReset() {
        return bool(TEMPORARY_PASSWORD_PWD_RESET, false);
    }

    private static Duration positive(String key, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("Setting " + key + " must be a positive duration, not " + value);
        }
        return value;
    }

    public PasswordPolicySettings passwordPolicy() {
        PasswordPolicySettings d = PasswordPolicySettings.defaults();
        return new PasswordPolicySettings(
                integer(PASSWORD_MIN_LENGTH, d.minLength()),
                integer(PASSWORD_MAX_LENGTH, d.maxLength()),
                bool(PASSWORD_REQUIRE_LOWERCASE, d.requireLowercase()),
                bool(PASSWORD_REQUIRE_UPPERCASE, d.requireUppercase()),
                bool(PASSWORD_REQUIRE_DIGIT, d.requireDigit()),
                bool(PASSWORD_REQUIRE_SPECIAL, d.requireSpecial()),
                string(PASSWORD_SPECIALS, d.specials()),
                integer(PASSWORD_HISTORY_SIZE, d.historySize()),
                optional(PASSWORD_MIN_ENTROPY_BITS).map(v -> parse(PASSWORD_MIN_ENTROPY_BITS, v, Double::valueOf))
                        .orElse(d.minEntropyBits()),
                optional(PASSWORD_INSTITUTION_WORDS).map(v -> list(PASSWORD_INSTITUTION_WORDS, v))
                        .orElse(d.institutionWords()));
    }

    public ThrottleSettings throttle() {
        ThrottleSettings settings = ThrottleSettings.defaults();
        for (FailureKind kind : FailureKind.values()) {
            ThrottleSettings.AccountLimit d = kind.defaultLimit();
            String prefix = THROTTLE_PREFIX + kind.key() + ".";
            settings = settings.with(kind, new ThrottleSettings.AccountLimit(
                    integer(prefix + "max-failures", d.maxFailures()),
                    duration(prefix + "window", d.window()),
                    duration(prefix + "lock-duration", d.lockDuration())));
        }
        ThrottleSettings.ClientLimit client = settings.client();
        return settings.with(new ThrottleSettings.ClientLimit(
                integer(THROTTLE_CLIENT_MAX_FAILURES, client.maxFailures()),
                duration(THROTTLE_CLIENT_WINDOW, client.window()),
                integer(THROTTLE_CLIENT_MAX_TRACKED, client.maxTrackedClients())));
    }

    public Duration identificationResponseFloor() {
        return duration(IDENTIFICATION_RESPONSE_FLOOR, ResponseTimeFloor.DEFAULT);
    }

    public IdentifierFormats identifierFormats() {
        Map<IdentifierKind, String> patterns = new EnumMap<>(IdentifierKind.class);
        for (IdentifierKind kind : IdentifierKind.values()) {
            patterns.put(kind, string(IDENTIFICATION_PREFIX + kind.slug() + "-pattern", IdentifierFormats.defaultRegex(kind)));
        }
        return IdentifierFormats.of(patterns, bool(IDENTIFICATION_VERIFY_INE_CHECK, true));
    }

    public boolean clusterEnabled() {
        return bool(CLUSTER_ENABLED, false);
    }

    private Optional<String> optional(String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(value -> !value.isEmpty());
    }

    private String string(String key, String defaultValue) {
        return optional(key).orElse(defaultValue);
    }

    private List<String> list(String key, String defaultValue) {
        return Arrays.stream(string(key, defaultValue).split(","))
                .map(String::trim)
                .filter(value -> !value.isEmpty())
                .toList();
    }

    private boolean bool(String key, boolean defaultValue) {
        return optional(key).map(value -> Boolean.parseBoolean(value.toLowerCase(Locale.ROOT))).orElse(defaultValue);
    }

    private int integer(String key, int defaultValue) {
        return optional(key).map(value -> parse(key, value, Integer::valueOf)).orElse(defaultValue);
    }

    /** Durations are ISO-8601 ({@code PT10S}) or a plain number of milliseconds. */
    private Duration duration(String key, Duration defaultValue) {
        return optional(key)
                .map(value -> parse(key, value, v -> v.chars().allMatch(Character::isDigit)
                        ? Duration.ofMillis(Long.parseLong(v))
                        : Duration.parse(v)))
                .orElse(defaultValue);
    }

    private static <T> T parse(String key, String value, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Setting " + key + " has an invalid value: " + value, e);
        }
    }
}
