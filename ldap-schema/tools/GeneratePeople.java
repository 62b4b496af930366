import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Writes N synthetic people for a Sésame directory, of the same shape as ldap-schema/demo/demo-data.ldif.
 *
 * <pre>
 *   java ldap-schema/tools/GeneratePeople.java 50000 &gt; people.ldif
 *   java ldap-schema/tools/GeneratePeople.java 50000 --base-dn dc=univ-example,dc=fr --seed 7 --out people.ldif
 * </pre>
 *
 * <p>A single-file Java 17 program without dependencies. The people go under {@code ou=people,<base DN>}, which
 * must exist (demo-data.ldif makes it); load them after the demo data, e.g. with
 * {@code ldapadd -x -D cn=admin,dc=univ-demo,dc=fr -W -f people.ldif}. Their uids (from 20000001), logins,
 * student and staff numbers never collide with the demo people's.
 *
 * <p>About 70% students, 20% staff, 10% externals ("affiliate"); French names with accents; unique logins
 * ({@code prenom.nom}, then {@code prenom.nom2}, ...), uids, student numbers (supannEtuId), INE codes and staff
 * numbers (supannEmpId); birth dates fitting the kind of person; about 3% of the accounts are inactive (SupAnn
 * state {@code {COMPTE}I:SupannInactif}). Most people are activated: they carry one shared, pre-computed
 * SHA-512-crypt {@code userPassword} (the demo password of the tests), so that benchmarks can sign in as anybody.
 * Activated people also carry what a year of using the portal leaves behind, so that the forgotten-password flows
 * can run for anybody: the joker question "Dans quelle ville êtes-vous né(e) ?" with one shared, pre-computed
 * Argon2id hash of the answer "Grenoble", and one password-history value (the shared Argon2id hash of the demo
 * password). Sharing the hashes keeps the generator fast and dependency-free; real entries each have their own salt.
 * The output depends only on the arguments: the same seed gives the same file.
 */
public final class GeneratePeople {

    /** SHA-512 crypt (glibc {@code $6$}, 5000 rounds) of the demo password, computed once, verified by slapd/389-DS. */
    static final String SHARED_PASSWORD_HASH = "{CRYPT}$6$rounds=5000$SesameBench2026$"
            + "IkavnrPUPy6HbQ9eSLgh32/sNYHrLjyjyxTWjWTasTEQJOwPFDU3tBjDWEwomXoi2dEpH5SEpJdYX1e0mTQq90";

    /** The joker question of the activated people, as the portal stores a chosen question (its French text). */
    static final String JOKER_QUESTION = "Dans quelle ville êtes-vous né(e) ?";

    /** Argon2id (OWASP settings, as the portal writes them) of the normalised joker answer "grenoble". */
    static final String SHARED_JOKER_ANSWER_HASH = "$argon2id$v=19$m=7168,t=5,p=1$i8daI6X299gXIfsqwLLwzA$"
            + "Jxyb1VNLyLqlD43cW8h4dVfSKKHKLj61++txql5SYQs";

    /** Argon2id (OWASP settings) of the demo password: the password-history value of the activated people. */
    static final String SHARED_HISTORY_HASH = "$argon2id$v=19$m=7168,t=5,p=1$kouoRXoBl8LCZgbOEZRcdQ$"
            + "BRbkf7T81CP7fewxkMNBS0x66vrr9U8BBgcCKqeodTo";

    static final String DEFAULT_BASE_DN = "dc=univ-demo,dc=fr";
    static final long DEFAULT_SEED = 2026;
    static final long FIRST_UID = 20_000_001L;

    /** The demo people's logins: never generated again. */
    private static final List<String> RESERVED_LOGINS = List.of(
            "alice.martin", "bruno.petit", "chloe.durand", "david.leroy", "emma.bernard", "hugo.support");

    private static final String[] GIVEN_NAMES = {
        "Adèle", "Agathe", "Agnès", "Aïcha", "Alexandre", "Alice", "Amélie", "Anaïs", "André", "Antoine",
        "Arthur", "Aurélien", "Baptiste", "Benoît", "Bérénice", "Camille", "Capucine", "Cédric", "Céline", "Chloé",
        "Clément", "Clémence", "Cécile", "Damien", "Daphné", "Élodie", "Éloïse", "Émilie", "Emma", "Enzo",
        "Étienne", "Eva", "Fabien", "Fanny", "Félix", "Florian", "Françoise", "François", "Frédéric", "Gaëlle",
        "Gaëtan", "Gérald", "Grégoire", "Guillaume", "Hélène", "Héloïse", "Hugo", "Inès", "Irène", "Jade",
        "Jean-Baptiste", "Jérémy", "Jérôme", "Joël", "Joséphine", "Jules", "Julie", "Karim", "Laëtitia", "Léa",
        "Léna", "Léo", "Léon", "Loïc", "Louise", "Lucas", "Lucie", "Maëlle", "Manon", "Margaux",
        "Marie-Ève", "Mathéo", "Mathilde", "Maxime", "Mélanie", "Mohamed", "Nathan", "Noé", "Noémie", "Océane",
        "Pénélope", "Quentin", "Raphaël", "Rémi", "Renée", "Romain", "Salomé", "Samuel", "Sébastien", "Solène",
        "Sophie", "Théo", "Thérèse", "Timothée", "Valérie", "Victor", "Yasmine", "Yaël", "Zoé", "Zoë",
    };

    private static final String[] SURNAMES = {
        "Arnaud", "Aubert", "Barbier", "Benoît", "Berger", "Bernard", "Bertrand", "Blanc", "Blanchard", "Bonnet",
        "Bourgeois", "Boyer", "Brun", "Brunet", "Caron", "Carpentier", "Chevalier", "Clément", "Colin", "Da Silva",
        "D'Almeida", "David", "Denis", "Dubois", "Dufour", "Dumas", "Dumont", "Dupont", "Dupuy", "Durand",
        "Duval", "Fabre", "Faure", "Fontaine", "Fournier", "François", "Gaillard", "Garnier", "Gautier", "Gérard",
        "Giraud", "Girard", "Guérin", "Guillaume", "Henry", "Hubert", "Joly", "Lacroix", "Lambert", "Laurent",
        "Le Gall", "Leblanc", "Leclerc", "Lecomte", "Lefèvre", "Legrand", "Lemaire", "Lemoine", "Leroux", "Leroy",
        "Lévêque", "Lucas", "Marchand", "Martin", "Masson", "Mathieu", "Ménard", "Mercier", "Meunier", "Meyer",
        "Michel", "Moreau", "Morel", "Morin", "Muller", "N'Diaye", "Nicolas", "Noël", "Olivier", "Perrin",
        "Petit", "Picard", "Pierre", "Poirier", "Renard", "Renaud", "Richard", "Rivière", "Robert", "Robin",
        "Roche", "Roger", "Rousseau", "Roussel", "Roux", "Schmitt", "Simon", "Thomas", "Vidal", "Vincent",
    };

    private GeneratePeople() {
    }

    public static void main(String[] args) throws IOException {
        Integer count = null;
        String baseDn = DEFAULT_BASE_DN;
        long seed = DEFAULT_SEED;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--base-dn" -> baseDn = value(args, ++i, arg);
                case "--seed" -> seed = Long.parseLong(value(args, ++i, arg));
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "-h", "--help" -> {
                    usage();
                    return;
                }
                default -> {
                    if (arg.startsWith("-") || count != null) {
                        System.err.println("Unexpected argument: " + arg);
                        usage();
                        System.exit(2);
                    }
                    count = Integer.valueOf(arg);
                }
            }
        }
        if (count == null || count < 0) {
            usage();
            System.exit(2);
        }
        if (out == null) {
            Writer writer = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
            generate(count, baseDn, seed, writer);
            writer.flush();
        } else {
            try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                generate(count, baseDn, seed, writer);
            }
        }
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            System.err.println("Missing value after " + option);
            usage();
            System.exit(2);
        }
        return args[index];
    }

    private static void usage() {
        System.err.println("Usage: java GeneratePeople.java N [--base-dn DN] [--seed S] [--out FILE]");
        System.err.println("  N          number of people to write (LDIF on standard output unless --out)");
        System.err.println("  --base-dn  base DN; the people go under ou=people,<base DN> (default " + DEFAULT_BASE_DN
                + ")");
        System.err.println("  --seed     random seed; the same seed gives the same people (default " + DEFAULT_SEED
                + ")");
    }

    /** Writes {@code count} people under {@code ou=people,<baseDn>}. */
    public static void generate(int count, String baseDn, long seed, Writer out) throws IOException {
        Random random = new Random(seed);
        String domain = domainOf(baseDn);
        Map<String, Integer> loginCounts = new HashMap<>();
        for (String reserved : RESERVED_LOGINS) {
            loginCounts.put(reserved, 1);
        }
        String[] givenSlugs = new String[GIVEN_NAMES.length];
        for (int i = 0; i < GIVEN_NAMES.length; i++) {
            givenSlugs[i] = slug(GIVEN_NAMES[i]);
        }
        String[] surnameSlugs = new String[SURNAMES.length];
        for (int i = 0; i < SURNAMES.length; i++) {
            surnameSlugs[i] = slug(SURNAMES[i]);
        }
        int students = 0;
        int staff = 0;

        out.write("# " + count + " synthetic people for Sésame, written by GeneratePeople.java (seed " + seed
                + ").\n# Load them under an existing ou=people," + baseDn + ".\n");
        StringBuilder entry = new StringBuilder(2048);
        for (int i = 0; i < count; i++) {
            int given = random.nextInt(GIVEN_NAMES.length);
            int sur = random.nextInt(SURNAMES.length);
            String givenName = GIVEN_NAMES[given];
            String surname = SURNAMES[sur];
            double draw = random.nextDouble();
            String kind = draw < 0.70 ? "student" : draw < 0.90 ? "staff" : "affiliate";
            String uid = Long.toString(FIRST_UID + i);

            String stem = givenSlugs[given] + "." + surnameSlugs[sur];
            int seen = loginCounts.merge(stem, 1, Integer::sum);
            String login = seen == 1 ? stem : stem + seen;
            // Unique: stems have no digits, so "prenom.nom2" can only come from the stem "prenom.nom".

            entry.setLength(0);
            line(entry, "dn", "uid=" + uid + ",ou=people," + baseDn);
            for (String objectClass : new String[] {"top", "person", "organizationalPerson", "inetOrgPerson",
                    "eduPerson", "supannPerson", "schacPersonalCharacteristics", "sesameAccount"}) {
                line(entry, "objectClass", objectClass);
            }
            line(entry, "uid", uid);
            line(entry, "supannAliasLogin", login);
            line(entry, "cn", givenName + " " + surname);
            line(entry, "sn", surname);
            line(entry, "givenName", givenName);
            line(entry, "displayName", givenName + " " + surname);
            line(entry, "mail", login + "@" + domain);
            line(entry, "supannMailPerso", login + "@perso.example.org");

            LocalDate birth;
            switch (kind) {
                case "student" -> {
                    students++;
                    line(entry, "eduPersonAffiliation", "member");
                    line(entry, "eduPersonAffiliation", "student");
                    line(entry, "eduPersonPrimaryAffiliation", "student");
                    line(entry, "supannEtuId", Long.toString(22_000_000L + students));
                    line(entry, "supannCodeINE", (300_000_000L + students) + String.valueOf(
                            new char[] {(char) ('A' + random.nextInt(26)), (char) ('A' + random.nextInt(26))}));
                    birth = date(random, 1994, 2008);
                }
                case "staff" -> {
                    staff++;
                    line(entry, "eduPersonAffiliation", "employee");
                    line(entry, "eduPersonAffiliation", "member");
                    line(entry, "eduPersonAffiliation", "staff");
                    line(entry, "eduPersonPrimaryAffiliation", "staff");
                    line(entry, "supannEmpId", Integer.toString(100_000 + staff));
                    birth = date(random, 1958, 2001);
                }
                default -> {
                    line(entry, "eduPersonAffiliation", "affiliate");
                    line(entry, "eduPersonPrimaryAffiliation", "affiliate");
                    birth = date(random, 1950, 2006);
                }
            }
            line(entry, "eduPersonPrincipalName", login + "@" + domain);
            line(entry, "schacDateOfBirth", yyyymmdd(birth));
            boolean active = random.nextDouble() >= 0.03;
            line(entry, "supannRessourceEtat", active ? "{COMPTE}A:SupannActif" : "{COMPTE}I:SupannInactif");
            line(entry, "supannListeRouge", random.nextDouble() < 0.02 ? "TRUE" : "FALSE");
            line(entry, "preferredLanguage", "fr");

            double activation = kind.equals("student") ? 0.60 : kind.equals("staff") ? 0.85 : 0.30;
            if (active && random.nextDouble() < activation) {
                LocalDate day = date(random, 2023, 2025);
                String when = yyyymmdd(day) + two(7 + random.nextInt(12)) + two(random.nextInt(60)) + "00Z";
                line(entry, "userPassword", SHARED_PASSWORD_HASH);
                line(entry, "sesameActivatedAt", when);
                line(entry, "sesameCharterAcceptedAt", when);
                line(entry, "sesamePasswordChangedAt", when);
                line(entry, "sesameJokerQuestion", JOKER_QUESTION);
                line(entry, "sesameJokerAnswer", SHARED_JOKER_ANSWER_HASH);
                line(entry, "sesamePasswordHistory", when + "$" + SHARED_HISTORY_HASH);
            }
            out.write('\n');
            out.append(entry);
        }
    }

    /** One LDIF line; values that are not plain ASCII are base64-encoded (RFC 2849). */
    private static void line(StringBuilder entry, String attribute, String value) {
        boolean safe = !value.isEmpty() && value.charAt(0) != ' ' && value.charAt(0) != ':'
                && value.charAt(0) != '<' && value.charAt(value.length() - 1) != ' ';
        for (int i = 0; safe && i < value.length(); i++) {
            char c = value.charAt(i);
            safe = c >= 0x20 && c < 0x7f;
        }
        entry.append(attribute);
        if (safe) {
            entry.append(": ").append(value);
        } else {
            entry.append(":: ").append(Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
        }
        entry.append('\n');
    }

    private static String yyyymmdd(LocalDate date) {
        return date.getYear() + two(date.getMonthValue()) + two(date.getDayOfMonth());
    }

    private static String two(int number) {
        return number < 10 ? "0" + number : Integer.toString(number);
    }

    /** "Jean-Baptiste" -> "jean-baptiste", "D'Almeida" -> "d-almeida", "Lévêque" -> "leveque". */
    static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static LocalDate date(Random random, int fromYear, int toYear) {
        long from = LocalDate.of(fromYear, 1, 1).toEpochDay();
        long to = LocalDate.of(toYear, 12, 31).toEpochDay();
        return LocalDate.ofEpochDay(from + (long) (random.nextDouble() * (to - from + 1)));
    }

    /** dc=univ-demo,dc=fr -> univ-demo.fr; a base without dc= parts -> example.org. */
    static String domainOf(String baseDn) {
        List<String> parts = new ArrayList<>();
        for (String rdn : baseDn.split(",")) {
            String trimmed = rdn.trim();
            if (trimmed.regionMatches(true, 0, "dc=", 0, 3)) {
                parts.add(trimmed.substring(3).toLowerCase(Locale.ROOT));
            }
        }
        return parts.isEmpty() ? "example.org" : String.join(".", parts);
    }
}
