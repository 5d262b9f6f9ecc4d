package descent.display;

import static descent.display.Claim.atLeast;
import static descent.display.Claim.atMost;
import static descent.display.Claim.between;
import static descent.display.Claim.within;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClaimTest {

    private final List<Object> shown = new ArrayList<>();

    @BeforeEach
    void captureDisplays() {
        Display.install(new Display.Sink() {
            @Override
            public String display(Object value) {
                shown.add(value);
                return "id" + shown.size();
            }

            @Override
            public void update(String id, Object value) {
            }
        });
    }

    @AfterEach
    void removeSink() {
        Display.install(null);
    }

    @Test
    void aHoldingClaimShowsItsVerdictWithTheMeasuredNumber() {
        Claim.that("momentum ends at least 100× lower", 112.4, atLeast(100));
        Html html = (Html) shown.get(0);
        assertEquals("✓ momentum ends at least 100× lower: measured 112 (claimed ≥ 100)", html.text());
        assertTrue(html.html().contains("class=\"descent-claim\""), html.html());
        assertTrue(html.html().contains("data-holds=\"true\""), html.html());
    }

    @Test
    void aFalseClaimShowsACrossAndFailsTheCell() {
        var failed = assertThrows(Claim.Failed.class,
                () -> Claim.that("momentum ends at least 100× lower", 87.25, atLeast(100)));
        assertEquals("claim does not hold: momentum ends at least 100× lower: measured 87.3, claimed ≥ 100",
                failed.getMessage());
        assertTrue(((Html) shown.get(0)).text().startsWith("✗ "));
    }

    @Test
    void nanBacksNoClaim() {
        assertThrows(Claim.Failed.class, () -> Claim.that("small", Double.NaN, atMost(1)));
        assertThrows(Claim.Failed.class, () -> Claim.that("large", Double.NaN, atLeast(1)));
        assertThrows(Claim.Failed.class, () -> Claim.that("inside", Double.NaN, between(0, 1)));
    }

    @Test
    void aClaimOverSeedsMustHoldOnEverySeed() {
        Claim.forEverySeed("noise·√n is near 4.4", 4, seed -> 4.2 + 0.1 * seed, within(0.1, 4.4));
        assertEquals("✓ noise·√n is near 4.4: measured 4.2 to 4.5 over 4 seeds (claimed 4.4 ± 10% on every seed)",
                ((Html) shown.get(0)).text());
        assertThrows(Claim.Failed.class, () -> Claim.forEverySeed("always above 1", 3,
                seed -> seed == 2 ? 0.5 : 2, atLeast(1)));
        assertThrows(IllegalArgumentException.class,
                () -> Claim.forEverySeed("one seed proves nothing", 1, seed -> 1, atLeast(0)));
    }

    @Test
    void boundsSayWhatTheyCheck() {
        assertEquals("between 0.5 and 2", between(0.5, 2).text());
        assertEquals("4.4 ± 10%", within(0.1, 4.4).text());
        assertTrue(within(0.1, -4).holds(-3.7));
        assertThrows(IllegalArgumentException.class, () -> between(2, 1));
        assertThrows(IllegalArgumentException.class, () -> Claim.that(" ", 1, atLeast(0)));
    }

    @Test
    void numbersAreRoundedForReading() {
        assertEquals("112", Claim.readable(112.4));
        assertEquals("0.0123", Claim.readable(0.012345));
        assertEquals("1.23e-05", Claim.readable(1.2345e-5));
        assertEquals("8.5e+17", Claim.readable(8.5e17));
        assertEquals("-3.3", Claim.readable(-3.30));
        assertEquals("∞", Claim.readable(Double.POSITIVE_INFINITY));
        assertEquals("NaN", Claim.readable(Double.NaN));
    }

    @Test
    void outsideANotebookTheVerdictIsPrinted() {
        Display.install(null);
        Claim.that("a plain line", 1, atLeast(0));
        assertTrue(shown.isEmpty());
    }
}
