package fr.sesame.selfcare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.sesame.mail.MailComposer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** The account page's typed texts exist in both languages, and affiliations read as people expect. */
class SelfcareTextsTest {

    @Test
    void everyAffiliationHasItsTextInFrenchAndEnglish() {
        List<String> missing = new ArrayList<>();
        for (Locale locale : List.of(Locale.ROOT, Locale.ENGLISH)) {
            ResourceBundle bundle = bundle("fr.sesame.i18n.messages", locale);
            for (Affiliation affiliation : Affiliation.values()) {
                if (!bundle.containsKey(affiliation.messageKey())) {
                    missing.add(locale + ": " + affiliation.messageKey());
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyChangeTheNoticeNamesHasItsPhraseInFrenchAndEnglish() {
        for (AccountChange change : AccountChange.values()) {
            assertEquals(bundle(MailComposer.BUNDLE, Locale.ROOT).getString(change.key()), change.phrase(Locale.FRENCH));
            assertEquals(bundle(MailComposer.BUNDLE, Locale.ENGLISH).getString(change.key()),
                    change.phrase(Locale.ENGLISH));
        }
    }

    @Test
    void theFrenchAffiliationsReadAsOnCampus() {
        ResourceBundle french = bundle("fr.sesame.i18n.messages", Locale.ROOT);

        assertEquals("Étudiant(e)", french.getString(Affiliation.STUDENT.messageKey()));
        assertEquals("Personnel", french.getString(Affiliation.of("employee").orElseThrow().messageKey()));
        assertEquals("Enseignant(e)", french.getString(Affiliation.FACULTY.messageKey()));
        assertEquals("Personne extérieure", french.getString(Affiliation.AFFILIATE.messageKey()));
        assertEquals("Membre", french.getString(Affiliation.MEMBER.messageKey()));
    }

    @Test
    void thePrimaryAffiliationComesFirstMemberLastEachOnceAndUnknownValuesAreLeftOut() {
        assertEquals(List.of(Affiliation.STAFF, Affiliation.STUDENT, Affiliation.MEMBER),
                Affiliation.of(Optional.of("employee"), List.of("member", "student", "staff", "employee", "local-x")));
        assertEquals(List.of(Affiliation.STUDENT, Affiliation.MEMBER),
                Affiliation.of(Optional.empty(), List.of("Member", "STUDENT")));
        assertEquals(List.of(), Affiliation.of(Optional.empty(), List.of()));
    }

    private static ResourceBundle bundle(String name, Locale locale) {
        return ResourceBundle.getBundle(name, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
