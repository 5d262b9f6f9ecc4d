package descent.display;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * A table printed for reading: every number column shows its values to a few significant digits,
 * 0.3582492782 as 0.3582 and 1.2345e-8 as 1.23e-8, while the table keeps the exact values.
 * <pre>
 *   Rounded.table(history)          // 4 significant digits
 *   Rounded.table(noise, 3)
 * </pre>
 */
public final class Rounded {

    private Rounded() {
    }

    /** {@code table} with every double column printed to 4 significant digits. */
    public static Table table(Table table) {
        return table(table, 4);
    }

    /** {@code table} with every double column printed to {@code digits} significant digits. */
    public static Table table(Table table, int digits) {
        if (table == null) {
            throw new IllegalArgumentException("table must not be null");
        }
        if (digits < 1 || digits > 15) {
            throw new IllegalArgumentException("digits must be in [1, 15], got " + digits);
        }
        for (var column : table.columns()) {
            if (column instanceof DoubleColumn d) {
                d.setPrintFormatter(new NumberColumnFormatter() {
                    @Override
                    public String format(double value) {
                        return number(value, digits);
                    }
                });
            }
        }
        return table;
    }

    /**
     * {@code value} to {@code digits} significant digits, plainly written between 10⁻³ and 10⁶
     * (0.3582, 1797), in e-notation outside (1.23e-8); trailing zeros dropped.
     */
    public static String number(double value, int digits) {
        if (value == 0 || !Double.isFinite(value)) {
            return value == 0 ? "0" : Double.toString(value);
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(digits)).stripTrailingZeros();
        double magnitude = Math.abs(rounded.doubleValue());
        if (magnitude >= 1e-3 && magnitude < 1e6) {
            return rounded.toPlainString();
        }
        String[] parts = String.format(Locale.ROOT, "%." + (digits - 1) + "e", value).split("e");
        String mantissa = parts[0].contains(".") ? parts[0].replaceAll("0+$", "").replaceAll("\\.$", "") : parts[0];
        return mantissa + "e" + Integer.parseInt(parts[1]);
    }
}
