package descent.schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LearningRatesTest {

    @Test
    void entryTIsTheScheduleAtStepT() {
        Schedule warm = Schedules.warmup(10, Schedules.cosine(0.1, 90));
        double[] lr = LearningRates.of(warm, 100);
        assertEquals(100, lr.length);
        for (int t = 0; t < lr.length; t++) {
            assertEquals(warm.valueAt(t), lr[t], 0.0, "step " + t);
        }
        assertArrayEquals(new double[] {0.1, 0.05, 0.025}, LearningRates.of(Schedules.step(0.1, 1, 0.5), 3), 0.0);
    }

    @Test
    void refusesNoScheduleAndNoSteps() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> LearningRates.of(null, 5));
        assertEquals("schedule must not be null", none.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> LearningRates.of(Schedules.cosine(0.1, 10), 0));
        assertEquals("steps must be >= 1, got 0", zero.getMessage());
    }
}
