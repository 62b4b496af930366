package fr.sesame.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.sesame.directory.AccountField;
import fr.sesame.directory.DirectorySettings;
import fr.sesame.directory.LdapSecurity;
import fr.sesame.mail.MailSecurity;
import fr.sesame.password.PasswordScheme;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SesameConfigTest {

    private static SesameConfig configWith(Map<String, String> values) {
        return new SesameConfig(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(values, "test", 500))
                .build());
    }

    @Test
    void defaultsAimAtALocalSupAnnDirectoryWithoutEmbeddedServers() {
        SesameConfig config = configWith(Map.of());

        DirectorySettings directory = config.directory();
        assertFalse(config.embedded());
        assertEquals(List.of("ldap://localhost:389"), directory.urls());
        assertEquals(LdapSecurity.NONE, directory.security());
        assertEquals("ou=people,dc=univ-demo,dc=fr", directory.peopleBase());
        assertEquals(10, directory.poolSize());
        assertEquals(Duration.ofSeconds(10), directory.responseTimeout());
        assertEquals(PasswordScheme.SHA512_CRYPT, config.passwordScheme());
        assertEquals(50_000, config.passwordCryptRounds());
        assertEquals("http://localhost:8080", config.publicBaseUrl());
    }

    @Test
    void defaultMappingFollowsSupAnn2021AndSchac() {
        var attributes = configWith(Map.of()).attributes();

        assertEquals("supannAliasLogin", attributes.attribute(AccountField.LOGIN));
        assertEquals("supannEtuId", attributes.attribute(AccountField.STUDENT_NUMBER));
        assertEquals("supannCodeINE", attributes.attribute(AccountField.INE));
        assertEquals("supannEmpId", attributes.attribute(AccountField.STAFF_NUMBER));
        assertEquals("schacDateOfBirth", attributes.attribute(AccountField.BIRTH_DATE));
        assertEquals("supannMailPerso", attributes.attribute(AccountField.PERSONAL_EMAIL));
        assertEquals("supannListeRouge", attributes.attribute(AccountField.DIRECTORY_HIDDEN));
        assertEquals("supannConsentement", attributes.attribute(AccountField.CONSENT));
        assertEquals("supannRessourceEtat", attributes.attribute(AccountField.ACCOUNT_STATE));
        assertEquals("yyyyMMdd", attributes.birthDatePattern());
    }

    @Test
    void everyMappedAttributeCanBeOverriddenByItsKey() {
        var attributes = configWith(Map.of(
                        "sesame.attribute.login", "uid",
                        "sesame.attribute.birth-date", "supannOIDCDateDeNaissance",
                        "sesame.attribute.birth-date-pattern", "yyyy-MM-dd",
                        "sesame.attribute.personal-email", "mailPerso"))
                .attributes();

        assertEquals("uid", attributes.attribute(AccountField.LOGIN));
        assertEquals("supannOIDCDateDeNaissance", attributes.attribute(AccountField.BIRTH_DATE));
        assertEquals("mailPerso", attributes.attribute(AccountField.PERSONAL_EMAIL));
        assertEquals("2004-03-15", attributes.birthDateFormat().format(java.time.LocalDate.of(2004, 3, 15)));
    }

    @Test
    void severalDirectoryUrlsAreKeptInOrderForFailover() {
        SesameConfig config = configWith(Map.of(
                "sesame.ldap.urls", "ldaps://ldap1.univ.fr:636, ldaps://ldap2.univ.fr:636",
                "sesame.ldap.security", "LDAPS",
                "sesame.ldap.connect-timeout", "PT2S",
                "sesame.ldap.response-timeout", "1500",
                "sesame.ldap.failback-after", "PT30S"));

        DirectorySettings directory = config.directory();
        assertEquals(List.of("ldaps://ldap1.univ.fr:636", "ldaps://ldap2.univ.fr:636"), directory.urls());
        assertEquals(LdapSecurity.LDAPS, directory.security());
        assertEquals(Duration.ofSeconds(2), directory.connectTimeout());
        assertEquals(Duration.ofMillis(1500), directory.responseTimeout());
        assertEquals(Duration.ofSeconds(30), directory.failbackAfter());
        assertEquals(Duration.ofMinutes(2), configWith(Map.of()).directory().failbackAfter());
        assertThrows(IllegalArgumentException.class,
                () -> configWith(Map.of("sesame.ldap.failback-after", "PT0S")).directory());
    }

    @Test
    void mailSettingsAreRead() {
        var mail = configWith(Map.of(
                        "sesame.mail.host", "smtp.univ.fr",
                        "sesame.mail.port", "587",
                        "sesame.mail.security", "starttls",
                        "sesame.mail.username", "sesame"))
                .mail();

        assertEquals("smtp.univ.fr", mail.host());
        assertEquals(587, mail.port());
        assertEquals(MailSecurity.STARTTLS, mail.security());
        assertEquals("sesame", mail.username().orElseThrow());
    }

    @Test
    void publicBaseUrlLosesItsTrailingSlash() {
        assertEquals("https://sesame.univ.fr", configWith(Map.of("sesame.public-base-url", "https://sesame.univ.fr/"))
                .publicBaseUrl());
    }

    @Test
    void invalidValuesAreRefusedWithTheKeyNamed() {
        var badNumber = assertThrows(IllegalArgumentException.class,
                () -> configWith(Map.of("sesame.ldap.pool-size", "ten")).directory());
        assertTrue(badNumber.getMessage().contains("sesame.ldap.pool-size"));

        var badSecurity = assertThrows(IllegalArgumentException.class,
                () -> configWith(Map.of("sesame.ldap.security", "ssl")).directory());
        assertTrue(badSecurity.getMessage().contains("sesame.ldap.security"));

        assertThrows(IllegalArgumentException.class,
                () -> configWith(Map.of("sesame.password.scheme", "md5")).passwordScheme());
        assertThrows(IllegalArgumentException.class,
                () -> configWith(Map.of("sesame.ldap.pool-size", "0")).directory());
    }

    @Test
    void secretsNeverAppearInSettingsDescriptions() {
        SesameConfig config = configWith(Map.of(
                "sesame.ldap.bind-password", "s3cret-bind",
                "sesame.mail.username", "u",
                "sesame.mail.password", "s3cret-mail"));

        assertFalse(config.directory().toString().contains("s3cret-bind"));
        assertFalse(config.mail().toString().contains("s3cret-mail"));
    }

    @Test
    void theAuditFileIsOffByDefaultAndItsSizeTakesAUnit() {
        assertTrue(configWith(Map.of()).auditFile().isEmpty());
        assertTrue(configWith(Map.of("sesame.audit.file", " ")).auditFile().isEmpty());

        var plain = configWith(Map.of("sesame.audit.file", "/var/log/sesame/audit.jsonl")).auditFile().orElseThrow();
        assertEquals(java.nio.file.Path.of("/var/log/sesame/audit.jsonl"), plain.path());
        assertFalse(plain.rotates());
        var rotated = configWith(Map.of("sesame.audit.file", "a.jsonl", "sesame.audit.file-max-size", "50M",
                "sesame.audit.file-count", "5")).auditFile().orElseThrow();
        assertEquals(50L << 20, rotated.maxSize());
        assertEquals(5, rotated.count());
        assertEquals(4096, configWith(Map.of("sesame.audit.file", "a", "sesame.audit.file-max-size", "4k"))
                .auditFile().orElseThrow().maxSize());
        assertThrows(IllegalArgumentException.class, () -> configWith(Map.of("sesame.audit.file", "a",
                "sesame.audit.file-max-size", "lots")).auditFile());
        assertThrows(IllegalArgumentException.class, () -> configWith(Map.of("sesame.audit.file", "a",
                "sesame.audit.file-max-size", "1M", "sesame.audit.file-count", "1")).auditFile());
    }

    @Test
    void aPortalRunsAloneUnlessToldItIsOneNodeOfACluster() {
        assertFalse(configWith(Map.of()).clusterEnabled());
        assertTrue(configWith(Map.of("sesame.cluster.enabled", "true")).clusterEnabled());
    }
}
