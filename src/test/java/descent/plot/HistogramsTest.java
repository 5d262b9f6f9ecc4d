package descent.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HistogramsTest {

    @Test
    void exactZerosFillTheBinCentredOnZero() {
        // values 0, 0, 0 and 1: reach 1, bins of width 1/20 from −0.025 (no negatives) to 1.025
        var chart = Histograms.panel("relu", "activation", new double[] {0, 0, 0, 1}, -0.025, 0.05, 21, 0);
        var series = chart.getSeriesMap().get("relu");
        double[] x = series.getXData();
        double[] y = series.getYData();
        assertEquals(-0.025, x[1], 1e-12);      // the first bin runs from −w/2 …
        assertEquals(0.025, x[2], 1e-12);       // … to +w/2, centred on 0
        assertEquals(0.75, y[1], 1e-12);        // and holds the three zeros
        assertEquals(0.25, y[2 * 20 + 1], 1e-12);   // the last bin, centred on 1, holds the 1
        assertEquals("activation", chart.getXAxisTitle());
    }
}
