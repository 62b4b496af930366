package fr.sesame.password;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import me.gosimple.nbvcxz.scoring.Result;

/**
 * How hard a password is to guess, estimated by nbvcxz (a Java port of zxcvbn's ideas: dictionaries,
 * keyboard patterns, sequences, dates, leet speak), so that the policy can refuse passwords that follow
 * the rules yet sit at the top of attackers' lists ({@code Password123!}, {@code Azerty123456!}).
 *
 * <p>Dictionaries: those nbvcxz ships (100 000 leaked passwords, English words, English first names and
 * surnames, EFF words; nbvcxz ships no French dictionary), plus the French passwords found at the top of
 * published leak rankings, plus, counting for nothing, the institution's words and the person's own
 * (login, names, birth date). The password's accents are stripped before it is estimated, as the words'
 * are, so {@code Université2026!} is judged as {@code Universite2026!}.
 *
 * <p>Cost: loading nbvcxz's dictionaries takes a few hundred milliseconds, once per JVM, and building
 * this object's dictionaries happens once. nbvcxz keeps its dictionaries in its configuration, so the
 * per-person dictionary needs a configuration per estimate; that part costs well under a millisecond.
 * An estimate itself takes from a few to a few hundred milliseconds (nbvcxz stops combining after 500 ms),
 * which is why the policy only asks for one when the length is within bounds. Thread-safe.
 */
public final class PasswordStrength {

    /**
     * What an estimate says.
     *
     * @param entropyBits log2 of the number of guesses nbvcxz thinks an attacker needs
     * @param score       0 to 4, nbvcxz's basic score: below 10³, 10⁶, 10⁸, 10¹⁰ guesses, or above
     */
    public record Estimate(double entropyBits, int score) {}

    /**
     * Passwords that recur at the top of published rankings of French leaked passwords, roughly most common
     * first; nbvcxz's own list covers the international ones (123456, password, qwerty…).
     */
    private static final List<String> FRENCH_PASSWORDS = List.of(
            "azerty", "motdepasse", "azertyuiop", "marseille", "doudou", "loulou", "soleil", "chouchou",
            "bonjour", "jetaime", "coucou", "nicolas", "camille", "chocolat", "princesse", "vivelavie",
            "celine", "julien", "marine", "thomas", "qsdfghjklm", "wxcvbn", "france", "amour", "bisous",
            "olympique", "football", "papillon", "chaton", "choupette", "nounours", "etoile", "cheval");

    private final List<Dictionary> sharedDictionaries;
    private final int maxLength;

    /**
     * @param institutionWords words anyone would try against this institution; they count for nothing
     * @param maxLength        the longest password the policy accepts: nbvcxz looks no further
     */
    public PasswordStrength(Collection<String> institutionWords, int maxLength) {
        List<Dictionary> dictionaries = new ArrayList<>(ConfigurationBuilder.getDefaultDictionaries());
        DictionaryBuilder french = new DictionaryBuilder().setDictionaryName("french_passwords");
        int rank = 1;
        for (String word : FRENCH_PASSWORDS) {
            french.addWord(word, rank++);
        }
        dictionaries.add(french.createDictionary());
        dictionaries.add(excluded("institution", institutionWords));
        this.sharedDictionaries = List.copyOf(dictionaries);
        this.maxLength = maxLength;
    }

    /** The estimate for this password, counting the person's own words (already folded) for nothing. */
    public Estimate estimate(String password, Collection<String> personalWords) {
        List<Dictionary> dictionaries = new ArrayList<>(sharedDictionaries);
        dictionaries.add(excluded("personal", personalWords));
        Nbvcxz nbvcxz = new Nbvcxz(new ConfigurationBuilder()
                .setDictionaries(dictionaries)
                .setMaxLength(maxLength)
                // nbvcxz only uses the locale for its own feedback texts, which the portal does not show.
                .setLocale(Locale.ENGLISH)
                .createConfiguration());
        // nbvcxz matches case-insensitively and counts the capitals itself; only the accents must go.
        Result result = nbvcxz.estimate(PasswordPolicy.unaccent(password));
        return new Estimate(result.getEntropy(), result.getBasicScore());
    }

    private static Dictionary excluded(String name, Collection<String> words) {
        DictionaryBuilder builder = new DictionaryBuilder().setDictionaryName(name).setExclusion(true);
        for (String word : words) {
            String folded = PasswordPolicy.fold(word);
            if (!folded.isEmpty()) {
                builder.addWord(folded, 0);
            }
        }
        return builder.createDictionary();
    }
}
