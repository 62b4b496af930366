package fr.sesame.bench;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The people of the generated LDIF, split so that each virtual user works on somebody no other one touches:
 * the activated people are dealt between the joker, email-link and forgotten-login flows, the never activated
 * ones go to activation. Each person is a Gatling feeder record.
 */
final class BenchPeople {

    private final List<Map<String, Object>> joker = new ArrayList<>();
    private final List<Map<String, Object>> emailLink = new ArrayList<>();
    private final List<Map<String, Object>> forgottenLogin = new ArrayList<>();
    private final List<Map<String, Object>> activation = new ArrayList<>();
    private final List<Map<String, Object>> searches = new ArrayList<>();

    static BenchPeople read(Path ldif) {
        BenchPeople people = new BenchPeople();
        List<Map<String, Object>> activated = new ArrayList<>();
        try (LDIFReader reader = new LDIFReader(ldif.toFile())) {
            Entry entry;
            while ((entry = reader.readEntry()) != null) {
                String state = entry.getAttributeValue("supannRessourceEtat");
                if (state == null || !state.startsWith("{COMPTE}A")) {
                    continue;
                }
                Map<String, Object> person = record(entry);
                if (entry.hasAttribute("userPassword")) {
                    activated.add(person);
                } else {
                    people.activation.add(person);
                }
            }
        } catch (IOException | LDIFException e) {
            throw new IllegalStateException("Cannot read the generated people " + ldif, e);
        }
        Random random = new Random(7);
        Collections.shuffle(activated, random);
        Collections.shuffle(people.activation, random);
        for (int i = 0; i < activated.size(); i++) {
            (i % 3 == 0 ? people.joker : i % 3 == 1 ? people.emailLink : people.forgottenLogin).add(activated.get(i));
        }
        for (int i = 0; i < 500 && i < activated.size(); i++) {
            Map<String, Object> person = activated.get(i);
            String surname = ((String) person.get("surname"));
            String given = ((String) person.get("givenName"));
            people.searches.add(Map.of(
                    "nameQuery", surname.substring(0, Math.min(3, surname.length())),
                    "givenQuery", given.substring(0, Math.min(4, given.length())),
                    "loginQuery", person.get("login")));
        }
        return people;
    }

    private static Map<String, Object> record(Entry entry) {
        Map<String, Object> person = new HashMap<>();
        String by;
        String identifier;
        switch (entry.getAttributeValue("eduPersonPrimaryAffiliation")) {
            case "student" -> {
                by = "student";
                identifier = entry.getAttributeValue("supannEtuId");
            }
            case "staff" -> {
                by = "staff";
                identifier = entry.getAttributeValue("supannEmpId");
            }
            default -> {
                by = "uid";
                identifier = entry.getAttributeValue("uid");
            }
        }
        String birth = entry.getAttributeValue("schacDateOfBirth");
        person.put("dn", entry.getDN());
        person.put("by", by);
        person.put("identifier", identifier);
        person.put("birthDate", birth.substring(6, 8) + "/" + birth.substring(4, 6) + "/" + birth.substring(0, 4));
        person.put("login", entry.getAttributeValue("supannAliasLogin"));
        person.put("uid", entry.getAttributeValue("uid"));
        person.put("email", entry.getAttributeValue("supannMailPerso"));
        person.put("surname", entry.getAttributeValue("sn"));
        person.put("givenName", entry.getAttributeValue("givenName"));
        return person;
    }

    List<Map<String, Object>> joker() {
        return joker;
    }

    List<Map<String, Object>> emailLink() {
        return emailLink;
    }

    List<Map<String, Object>> forgottenLogin() {
        return forgottenLogin;
    }

    List<Map<String, Object>> activation() {
        return activation;
    }

    List<Map<String, Object>> searches() {
        return searches;
    }
}
