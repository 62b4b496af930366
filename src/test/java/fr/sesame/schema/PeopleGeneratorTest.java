package fr.sesame.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import fr.sesame.password.JokerAnswers;
import fr.sesame.password.PasswordHistory;
import org.apache.commons.codec.digest.Crypt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldif.LDIFReader;

/** {@code ldap-schema/tools/GeneratePeople.java} writes people that the schema accepts, with unique logins. */
class PeopleGeneratorTest {

    private static final String DEMO_PASSWORD = "Rentree-2026!";
    private static final String JOKER_ANSWER = "Grenoble";

    private static Path work;
    private static URLClassLoader loader;
    private static Method main;

    @BeforeAll
    static void compile() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(tmp);
        work = Files.createTempDirectory(tmp, "generate-people-");
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertNotNull(compiler, "a JDK is needed to compile GeneratePeople.java");
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = compiler.run(null, errors, errors, "--release", "17", "-Xlint:all", "-Werror", "-d",
                work.toString(), SchemaFiles.file("tools/GeneratePeople.java").toString());
        assertEquals(0, status, "GeneratePeople.java does not compile:\n" + errors.toString(StandardCharsets.UTF_8));
        loader = new URLClassLoader(new URL[] {work.toUri().toURL()}, null);
        main = loader.loadClass("GeneratePeople").getMethod("main", String[].class);
    }

    @AfterAll
    static void clean() throws Exception {
        if (loader != null) {
            loader.close();
        }
        if (work != null) {
            try (var paths = Files.walk(work)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    private static Path generate(String name, String... args) throws Exception {
        Path out = work.resolve(name);
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--out");
        all.add(out.toString());
        main.invoke(null, (Object) all.toArray(String[]::new));
        return out;
    }

    @Test
    void twoThousandPeopleLoadWithSchemaCheckingAndHaveUniqueLogins() throws Exception {
        Path people = generate("2000.ldif", "2000");
        InMemoryDirectoryServer server = EmbeddedSchemaTest.newServer();
        try {
            try (LDIFReader reader = new LDIFReader(SchemaFiles.file("demo/demo-data.ldif").toFile())) {
                server.importFromLDIF(true, reader);
            }
            // A schema error fails the import, naming the entry.
            try (LDIFReader reader = new LDIFReader(people.toFile())) {
                assertEquals(2000, server.importFromLDIF(false, reader));
            }
            List<Entry> entries = SchemaFiles.entries(people);
            assertEquals(2006, server.countEntriesBelow("ou=people,dc=univ-demo,dc=fr") - 1);

            Set<String> logins = new HashSet<>(List.of("alice.martin", "bruno.petit", "chloe.durand", "david.leroy",
                    "emma.bernard", "hugo.support"));
            Set<String> uids = new HashSet<>();
            Set<String> numbers = new HashSet<>();
            int students = 0;
            int staff = 0;
            int externals = 0;
            int activated = 0;
            int accented = 0;
            for (Entry entry : entries) {
                String login = entry.getAttributeValue("supannAliasLogin");
                assertTrue(login.matches("[a-z0-9.-]+"), login);
                assertTrue(logins.add(login), "login given twice: " + login);
                assertTrue(uids.add(entry.getAttributeValue("uid")));
                assertEquals(login + "@univ-demo.fr", entry.getAttributeValue("mail"));
                assertTrue(entry.getAttributeValue("schacDateOfBirth").matches("(19|20)\\d{6}"));
                for (String attribute : List.of("supannEtuId", "supannCodeINE", "supannEmpId")) {
                    String number = entry.getAttributeValue(attribute);
                    if (number != null) {
                        assertTrue(numbers.add(attribute + "=" + number), attribute + " given twice: " + number);
                    }
                }
                switch (entry.getAttributeValue("eduPersonPrimaryAffiliation")) {
                    case "student" -> students++;
                    case "staff" -> staff++;
                    case "affiliate" -> externals++;
                    default -> throw new AssertionError(entry.toLDIFString());
                }
                if (entry.hasAttribute("userPassword")) {
                    activated++;
                }
                if (!entry.getAttributeValue("cn").chars().allMatch(c -> c < 128)) {
                    accented++;
                }
            }
            assertTrue(students > 1300 && students < 1500, "about 70% students: " + students);
            assertTrue(staff > 300 && externals > 100, staff + " staff, " + externals + " externals");
            assertTrue(activated > 500 && activated < 1900, activated + " activated");
            assertTrue(accented > 200, "French names have accents: " + accented);
        } finally {
            server.shutDown(true);
        }
    }

    @Test
    void activatedPeopleCanSignInWithTheDemoPassword() throws Exception {
        List<Entry> entries = SchemaFiles.entries(generate("200.ldif", "200"));
        Set<String> hashes = new HashSet<>();
        for (Entry entry : entries) {
            String stored = entry.getAttributeValue("userPassword");
            if (stored != null) {
                hashes.add(stored);
                assertNotNull(entry.getAttributeValue("sesameActivatedAt"));
            }
        }
        assertEquals(1, hashes.size(), "one shared pre-computed hash");
        String hash = hashes.iterator().next();
        assertTrue(hash.startsWith("{CRYPT}$6$"), hash);
        String crypt = hash.substring("{CRYPT}".length());
        assertEquals(crypt, Crypt.crypt(DEMO_PASSWORD, crypt), "the shared hash is not the demo password's");
    }

    @Test
    void activatedPeopleCanRecoverTheirPasswordWithTheSharedJokerAnswer() throws Exception {
        List<Entry> entries = SchemaFiles.entries(generate("joker.ldif", "200"));
        Set<String> answers = new HashSet<>();
        Set<String> histories = new HashSet<>();
        int activated = 0;
        for (Entry entry : entries) {
            boolean hasPassword = entry.hasAttribute("userPassword");
            assertEquals(hasPassword, entry.hasAttribute("sesameJokerAnswer"), entry.toLDIFString());
            if (!hasPassword) {
                assertFalse(entry.hasAttribute("sesamePasswordHistory"), entry.toLDIFString());
                continue;
            }
            activated++;
            assertEquals("Dans quelle ville êtes-vous né(e) ?", entry.getAttributeValue("sesameJokerQuestion"));
            answers.add(entry.getAttributeValue("sesameJokerAnswer"));
            String[] history = entry.getAttributeValues("sesamePasswordHistory");
            assertEquals(1, history.length);
            assertTrue(history[0].startsWith(entry.getAttributeValue("sesamePasswordChangedAt") + "$"), history[0]);
            histories.add(history[0].substring(history[0].indexOf('$') + 1));
        }
        assertTrue(activated > 50, activated + " activated");
        // The hashes are shared (the generator computes each once), so checking one of each checks them all.
        assertEquals(1, answers.size(), "one shared joker hash");
        assertEquals(1, histories.size(), "one shared history hash");
        String answer = answers.iterator().next();
        assertTrue(JokerAnswers.matches(" grenoble ", answer));
        assertFalse(JokerAnswers.matches("Lyon", answer));
        Entry first = entries.stream().filter(entry -> entry.hasAttribute("sesamePasswordHistory")).findFirst().orElseThrow();
        List<String> history = List.of(first.getAttributeValues("sesamePasswordHistory"));
        PasswordHistory passwords = new PasswordHistory(3);
        assertTrue(passwords.reuses(DEMO_PASSWORD, history), "the history holds the current password");
        assertFalse(passwords.reuses("Autre-Mot-2026!", history));
    }

    @Test
    void sameSeedSameFileOtherSeedOtherPeople() throws Exception {
        String a = Files.readString(generate("a.ldif", "300", "--seed", "11"));
        String b = Files.readString(generate("b.ldif", "300", "--seed", "11"));
        String c = Files.readString(generate("c.ldif", "300", "--seed", "12"));
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void baseDnOption() throws Exception {
        List<Entry> entries = SchemaFiles.entries(generate("other.ldif", "5", "--base-dn", "dc=univ-exemple,dc=fr"));
        assertEquals(5, entries.size());
        for (Entry entry : entries) {
            assertTrue(entry.getDN().endsWith(",ou=people,dc=univ-exemple,dc=fr"), entry.getDN());
            assertTrue(entry.getAttributeValue("mail").endsWith("@univ-exemple.fr"));
        }
    }

    @Test
    void writesToStandardOutputByDefault() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[] {"3"});
        } finally {
            System.setOut(original);
        }
        String ldif = captured.toString(StandardCharsets.UTF_8);
        assertEquals(3, ldif.lines().filter(line -> line.startsWith("dn: ")).count(), ldif);
    }

    @Test
    void fiftyThousandPeopleWithNoSecretInClear() throws Exception {
        Path people = generate("50000.ldif", "50000");
        long count;
        try (var lines = Files.lines(people)) {
            count = lines.filter(line -> line.startsWith("dn: ")).count();
        }
        assertEquals(50_000, count);
        String ldif = Files.readString(people);
        assertFalse(ldif.contains("Rentree"));
        assertFalse(ldif.toLowerCase(java.util.Locale.ROOT).contains(JOKER_ANSWER.toLowerCase(java.util.Locale.ROOT)),
                "no joker answer in clear");
    }
}
