package fr.sesame.directory;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private static Account with(AccountField field, String... values) {
        return new Account("uid=1,ou=people,dc=x", Map.of(field, List.of(values)), "yyyyMMdd");
    }

    @Test
    void anEntryWithoutSupannStateIsAllowed() {
        assertTrue(new Account("uid=1", Map.of(), "yyyyMMdd").accountAllowedOn(TODAY));
    }

    @Test
    void theCompteStateDecidesAndOtherResourcesDoNot() {
        assertTrue(with(AccountField.ACCOUNT_STATE, "{COMPTE}A:SupannActif").accountAllowedOn(TODAY));
        assertFalse(with(AccountField.ACCOUNT_STATE, "{COMPTE}I:SupannInactif").accountAllowedOn(TODAY));
        assertFalse(with(AccountField.ACCOUNT_STATE, "{COMPTE}S:SupannVerrouille").accountAllowedOn(TODAY));
        assertTrue(with(AccountField.ACCOUNT_STATE, "{MAIL}I:SupannInactif", "{COMPTE}A:SupannActif").accountAllowedOn(TODAY));
    }

    @Test
    void aDatedStateThatEndedRefusesTheAccountButOneStillToStartDoesNot() {
        assertTrue(with(AccountField.ACCOUNT_STATE_DATES, "{COMPTE}A:SupannActif::20270831").accountAllowedOn(TODAY));
        assertTrue(with(AccountField.ACCOUNT_STATE_DATES, "{COMPTE}A:SupannActif::20261122").accountAllowedOn(TODAY));
        assertFalse(with(AccountField.ACCOUNT_STATE_DATES, "{COMPTE}A:SupannActif::20260831").accountAllowedOn(TODAY));
        assertTrue(with(AccountField.ACCOUNT_STATE_DATES, "{COMPTE}A:SupannAnticipe:20270101:").accountAllowedOn(TODAY));
        assertFalse(with(AccountField.ACCOUNT_STATE_DATES, "{COMPTE}I:SupannExpire:20260901:").accountAllowedOn(TODAY));
        assertTrue(with(AccountField.ACCOUNT_STATE_DATES, "{COMPTE}A:SupannActif").accountAllowedOn(TODAY));
    }
}
