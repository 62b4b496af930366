package fr.sesame.support;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import fr.sesame.password.Argon2Hasher;
import fr.sesame.password.JokerAnswers;
import fr.sesame.password.PasswordScheme;
import fr.sesame.password.UserPasswordHasher;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Fresh people for one test, added to the directory the portal uses, so tests never depend on each other
 * nor on the order they run in. Each has unique identifiers and a personal address of their own.
 */
public final class TestPeople {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter SCHAC = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** The password of activated test people. */
    public static final String PASSWORD = "Rentree-2026!";
    /** The joker question and answer of activated test people. */
    public static final String QUESTION = "Quel est le nom de votre premier animal de compagnie ?";
    public static final String ANSWER = "Médor";

    /** Someone added to the directory. */
    public record Person(String dn, String login, String uid, String studentNumber, LocalDate birthDate,
            String personalEmail) {

        /** The birth date as a person types it: jj/mm/aaaa. */
        public String typedBirthDate() {
            return TYPED.format(birthDate);
        }
    }

    private TestPeople() {}

    /** A student whose account is open in the directory and was never activated. */
    public static Person newStudent(LDAPInterface directory) {
        return add(directory, false);
    }

    /** A student who activated their account: password {@link #PASSWORD}, joker {@link #QUESTION} / {@link #ANSWER}. */
    public static Person activatedStudent(LDAPInterface directory) {
        return add(directory, true);
    }

    private static Person add(LDAPInterface directory, boolean activated) {
        String number = String.valueOf(30_000_000 + RANDOM.nextInt(60_000_000));
        String login = "test." + number;
        String uid = "9" + number;
        LocalDate birth = LocalDate.of(1990 + RANDOM.nextInt(15), 1 + RANDOM.nextInt(12), 1 + RANDOM.nextInt(28));
        String dn = "uid=" + uid + ",ou=people,dc=univ-demo,dc=fr";
        String email = login + "@perso.example.org";
        List<Attribute> attributes = new ArrayList<>(List.of(
                new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson", "eduPerson",
                        "supannPerson", "schacPersonalCharacteristics", "sesameAccount"),
                new Attribute("uid", uid),
                new Attribute("supannAliasLogin", login),
                new Attribute("cn", "Camille Test" + number),
                new Attribute("sn", "Test" + number),
                new Attribute("givenName", "Camille"),
                new Attribute("displayName", "Camille Test"),
                new Attribute("mail", login + "@univ-demo.fr"),
                new Attribute("supannMailPerso", email),
                new Attribute("supannEtuId", number),
                new Attribute("eduPersonAffiliation", "student", "member"),
                new Attribute("eduPersonPrimaryAffiliation", "student"),
                new Attribute("schacDateOfBirth", SCHAC.format(birth)),
                new Attribute("supannRessourceEtat", "{COMPTE}A:SupannActif"),
                new Attribute("supannListeRouge", "FALSE")));
        if (activated) {
            attributes.add(new Attribute("userPassword",
                    new UserPasswordHasher(PasswordScheme.SHA512_CRYPT, 5000).hash(PASSWORD)));
            attributes.add(new Attribute("sesameActivatedAt", "20250901080000Z"));
            attributes.add(new Attribute("sesameJokerQuestion", QUESTION));
            attributes.add(new Attribute("sesameJokerAnswer", new JokerAnswers(new Argon2Hasher(1024, 1, 1)).hash(ANSWER)));
        }
        try {
            directory.add(new Entry(dn, attributes));
        } catch (LDAPException e) {
            throw new IllegalStateException("Cannot add a test person", e);
        }
        return new Person(dn, login, uid, number, birth, email);
    }

    /** Sets an attribute of a test person directly in the directory, as another tool would. */
    public static void set(LDAPInterface directory, Person person, String attribute, String... values) {
        try {
            directory.modify(person.dn(), new Modification(ModificationType.REPLACE, attribute, values));
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }
}
