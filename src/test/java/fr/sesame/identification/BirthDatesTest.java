package fr.sesame.identification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BirthDatesTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-09-01T10:00:00Z"), ZoneId.of("Europe/Paris"));

    private static Optional<LocalDate> parse(String text) {
        return BirthDates.parse(text, TODAY);
    }

    @Test
    void slashesHyphensAndDotsSeparateDayMonthAndYear() {
        LocalDate expected = LocalDate.of(2003, 11, 2);

        assertEquals(Optional.of(expected), parse("02/11/2003"));
        assertEquals(Optional.of(expected), parse("02-11-2003"));
        assertEquals(Optional.of(expected), parse("02.11.2003"));
    }

    @Test
    void dayAndMonthMayHaveOneDigit() {
        assertEquals(Optional.of(LocalDate.of(2003, 11, 2)), parse("2/11/2003"));
        assertEquals(Optional.of(LocalDate.of(1985, 7, 21)), parse("21/7/1985"));
        assertEquals(Optional.of(LocalDate.of(1990, 1, 3)), parse("3.1.1990"));
    }

    @Test
    void surroundingSpacesAreIgnored() {
        assertEquals(Optional.of(LocalDate.of(2004, 3, 15)), parse(" 15/03/2004 "));
    }

    @Test
    void theTwentyNinthOfFebruaryExistsOnlyInLeapYears() {
        assertEquals(Optional.of(LocalDate.of(2004, 2, 29)), parse("29/02/2004"));
        assertEquals(Optional.of(LocalDate.of(2000, 2, 29)), parse("29/02/2000"));
        assertEquals(Optional.empty(), parse("29/02/2003"));
        assertEquals(Optional.empty(), parse("29/02/1900"), "1900 was not a leap year");
    }

    @Test
    void datesThatDoNotExistAreRefused() {
        assertEquals(Optional.empty(), parse("31/02/2003"));
        assertEquals(Optional.empty(), parse("31/04/2003"));
        assertEquals(Optional.empty(), parse("00/01/2003"));
        assertEquals(Optional.empty(), parse("15/13/2003"));
        assertEquals(Optional.empty(), parse("32/01/2003"));
    }

    @Test
    void todayIsTheLatestBirthDateAndTomorrowIsRefused() {
        assertEquals(Optional.of(LocalDate.of(2026, 9, 1)), parse("01/09/2026"));
        assertEquals(Optional.empty(), parse("02/09/2026"));
        assertEquals(Optional.empty(), parse("01/01/2099"));
    }

    @Test
    void birthDatesBefore1900AreRefused() {
        assertEquals(Optional.of(LocalDate.of(1900, 1, 1)), parse("01/01/1900"));
        assertEquals(Optional.empty(), parse("31/12/1899"));
    }

    @Test
    void anythingElseIsRefused() {
        assertEquals(Optional.empty(), parse(null));
        assertEquals(Optional.empty(), parse(""));
        assertEquals(Optional.empty(), parse("jj/mm/aaaa"));
        assertEquals(Optional.empty(), parse("2003-11-02"), "ISO order is not what the form asks for");
        assertEquals(Optional.empty(), parse("02/11/03"), "two-digit years are ambiguous");
        assertEquals(Optional.empty(), parse("02/11-2003"), "one separator throughout");
        assertEquals(Optional.empty(), parse("02 11 2003"));
        assertEquals(Optional.empty(), parse("002/11/2003"));
        assertEquals(Optional.empty(), parse("02/11/2003 12:00"));
        assertEquals(Optional.empty(), parse("０２/１１/２００３"));
    }
}
