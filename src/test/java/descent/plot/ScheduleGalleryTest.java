package descent.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.schedule.Schedule;
import descent.schedule.Schedules;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleGalleryTest {

    private static final FontMetrics FM = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics()
            .getFontMetrics(new Font(Font.SANS_SERIF, Font.PLAIN, 12));

    @Test
    void wrapKeepsEveryCharacterAndEveryLineFits() {
        for (Schedule s : Schedules.gallery(300)) {
            String text = s.toString();
            List<String> lines = ScheduleGallery.wrap(text, FM, 314);
            assertEquals(text.replace(" ", ""), String.join("", lines).replace(" ", ""), text);
            for (String line : lines) {
                assertTrue(FM.stringWidth(line) <= 314, "too wide: " + line);
            }
        }
        assertEquals(List.of("ab", "cd", "ef"), ScheduleGallery.wrap("abcdef", FM, FM.stringWidth("ab")));
    }

    @Test
    void oneRowOfThreePanelsPerThreeSchedules() {
        List<Schedule> six = Schedules.gallery(100).subList(0, 6);
        BufferedImage image = ScheduleGallery.of(100, six);
        assertEquals(3 * 330, image.getWidth());
        BufferedImage one = ScheduleGallery.of(100, six.subList(0, 3));
        assertTrue(image.getHeight() > one.getHeight() + 200, image.getHeight() + " vs " + one.getHeight());
    }

    @Test
    void refusesTooFewStepsAndNoSchedules() {
        assertEquals("steps must be >= 2, got 1", assertThrows(IllegalArgumentException.class,
                () -> ScheduleGallery.of(1, List.of(Schedules.cosine(0.1, 10)))).getMessage());
        assertEquals("schedules must hold at least one schedule, got none", assertThrows(IllegalArgumentException.class,
                () -> ScheduleGallery.of(10, List.of())).getMessage());
    }
}
