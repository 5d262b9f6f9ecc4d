package descent.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The replay memory answers as a plain "last N signatures" set would, in fixed memory. */
class SignatureMemoryTest {

    private static byte[] signature(long value) {
        return (HexFormat.of().toHexDigits(value) + "0".repeat(48)).getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void refusesARepeatAndForgetsTheOldestBeyondItsCapacity() {
        SignatureMemory memory = new SignatureMemory(3);
        assertTrue(memory.add(signature(11)));
        assertFalse(memory.add(signature(11)), "a replay");
        assertTrue(memory.add(signature(12)));
        assertTrue(memory.add(signature(13)));
        assertTrue(memory.add(signature(14)), "pushes 11 out");
        assertTrue(memory.add(signature(11)), "11 was forgotten");
        assertFalse(memory.add(signature(13)), "13 is still remembered");
    }

    @Test
    void agreesWithASetOfTheLastNOverManyWrapArounds() {
        int capacity = 100;
        SignatureMemory memory = new SignatureMemory(capacity);
        ArrayDeque<Long> order = new ArrayDeque<>();
        Set<Long> model = new HashSet<>();
        Random random = new Random(7);
        List<Long> pool = new ArrayList<>();                // few distinct values: many repeats,
        for (int i = 0; i < 300; i++) {                      // and colliding home slots
            pool.add(random.nextLong() & 0xFFFF_0000_0000_00FFL | 1);
        }
        for (int step = 0; step < 200_000; step++) {
            long value = pool.get(random.nextInt(pool.size()));
            boolean fresh = !model.contains(value);
            assertEquals(fresh, memory.add(signature(value)), "step " + step);
            if (fresh) {
                order.addLast(value);
                model.add(value);
                if (order.size() > capacity) {
                    model.remove(order.removeFirst());
                }
            }
        }
    }

    @Test
    void refusesABadCapacityOrSignature() {
        assertThrows(IllegalArgumentException.class, () -> new SignatureMemory(0));
        assertThrows(IllegalArgumentException.class, () -> new SignatureMemory(4).add(new byte[3]));
    }
}
