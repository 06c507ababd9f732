package org.airindex.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * The exact sum of concentration values and their mean, rounded once: no rounding happens until the
 * mean is taken, so a mean does not depend on the order the values arrive in, and one that lands on
 * a reporting boundary such as 34.5 or 1.25 lands there exactly.
 *
 * <p>What a value is: one with at most three decimals (35, 0.8, 1.25: how readings are published)
 * counts as that decimal, so 0.1 and 0.2 average to exactly 0.15; any other double (a computed mean)
 * counts as its exact binary value. Both are whole multiples of the unit 2^-64/125, so values from
 * 2^-12 to 2^32 in magnitude (every plausible concentration) are added as integers in that unit to a
 * 128-bit two's complement accumulator, in a few nanoseconds. Anything else (a tiny value, a huge
 * one, more than 2^24 values) moves the sum to {@link BigDecimal}; NaN or infinity makes the mean NaN.
 * The mean is the double nearest the exact quotient, ties to even.
 */
public final class ExactSum {
    private static final int DECIMALS = 3;
    private static final double[] POWERS_OF_TEN = {1, 10, 100, 1000};
    /** 10^-DECIMALS = 2^61 units of 2^-64/125. */
    private static final int DECIMAL_SHIFT = 61;
    private static final long FIVE_CUBED = 125;
    /** Largest shift of a 53-bit significand (times 125) that leaves 24 bits of headroom. */
    private static final int MAX_SHIFT = 43;
    private static final double MAX_MAGNITUDE = 0x1p32;
    private static final int MAX_COUNT = 1 << 24;
    /**
     * More significant digits than any double or midpoint between two doubles has (at most 768), cut
     * toward zero: see {@link #quotient}.
     */
    private static final MathContext TRUNCATED = new MathContext(800, RoundingMode.DOWN);
    private static final BigDecimal UNIT = new BigDecimal("0.5").pow(64).multiply(new BigDecimal("0.008"));
    private static final long LOW_32 = 0xffff_ffffL;
    private static final long THOUSANDTHS = 1000;
    /** Thousandths that shifted by {@link #DECIMAL_SHIFT} stay below 2^104, as {@link #add(long, int)} needs. */
    private static final long MAX_THOUSANDTHS = 1L << 42;

    private long hi;
    private long lo;
    private int count;
    /** Non-null once a value outside the fixed-point range was added: the sum then lives here. */
    private BigDecimal wide;
    private boolean notFinite;
    /** Fractions added: numerators summed per denominator, and the rest as an {@link Exact} (or null). */
    private long[] denominators = new long[4];
    private long[] numerators = new long[4];
    private int fractions;
    private Exact rational;

    public void add(double v) {
        count++;
        if (notFinite) {
            return;
        }
        if (!Double.isFinite(v)) {
            notFinite = true;
            return;
        }
        if (wide == null && count > MAX_COUNT) {
            wide = toBigDecimal();
        }
        accumulate(v);
    }

    /** Adds a value as a statistic counts it: a double by {@link #add(double)}, an {@link Exact} as it is. */
    public void add(Number v) {
        if (v instanceof Exact e) {
            add(e);
        } else {
            add(v.doubleValue());
        }
    }

    /**
     * Adds an exact value (a mean of means, a percentile). A whole number of thousandths takes the
     * fixed-point path; other fractions whose parts fit a long are summed per denominator (a period's
     * daily means share a few: 24, 23, 48, ...), and only what overflows is summed as {@link Exact}.
     */
    public void add(Exact v) {
        count++;
        if (notFinite) {
            return;
        }
        if (wide == null && count > MAX_COUNT) {
            wide = toBigDecimal();
        }
        if (v.fitsLongs()) {
            long num = v.numerator();
            long den = v.denominator();
            if (wide == null && THOUSANDTHS % den == 0 && Math.abs(num) < MAX_THOUSANDTHS / (THOUSANDTHS / den)) {
                add(num * (THOUSANDTHS / den), DECIMAL_SHIFT);
                return;
            }
            if (addFraction(num, den)) {
                return;
            }
        }
        rational = rational == null ? v : rational.plus(v);
    }

    /** Adds num/den to the numerators kept per denominator; false when that would overflow. */
    private boolean addFraction(long num, long den) {
        for (int i = 0; i < fractions; i++) {
            if (denominators[i] == den) {
                long sum = numerators[i] + num;
                if (((numerators[i] ^ sum) & (num ^ sum)) < 0) {
                    return false;
                }
                numerators[i] = sum;
                return true;
            }
        }
        if (fractions == denominators.length) {
            denominators = Arrays.copyOf(denominators, fractions * 2);
            numerators = Arrays.copyOf(numerators, fractions * 2);
        }
        denominators[fractions] = den;
        numerators[fractions++] = num;
        return true;
    }

    /**
     * Takes back a finite value added before: the sum is then exactly what it would be had the value
     * never been added, so a sliding window can add its new value and remove its oldest. Negating a
     * double is exact, and so is the value it counts as, so removing adds the negation.
     */
    public void remove(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("only a finite value can be removed: " + v);
        }
        if (count == 0) {
            throw new IllegalStateException("nothing to remove " + v + " from");
        }
        count--;
        if (!notFinite) {
            accumulate(-v);
        }
    }

    /** Adds the finite value to the sum (not to the count). */
    private void accumulate(double v) {
        if (v == 0) {
            return;
        }
        if (wide == null && Math.abs(v) >= MAX_MAGNITUDE) {
            wide = toBigDecimal();
        }
        if (wide != null) {
            wide = wide.add(exactValue(v));
            return;
        }
        int k = decimals(v);
        if (k >= 0) {
            add(((long) Math.rint(v * POWERS_OF_TEN[k])) * (long) POWERS_OF_TEN[DECIMALS - k], DECIMAL_SHIFT);
            return;
        }
        long bits = Double.doubleToRawLongBits(v);
        int biased = (int) ((bits >>> 52) & 0x7ff);
        long significand = (bits & ((1L << 52) - 1)) | (biased == 0 ? 0 : 1L << 52);
        int shift = (biased == 0 ? 1 : biased) - 1075 + 64;
        if (shift < 0 || shift > MAX_SHIFT) {
            wide = toBigDecimal().add(exactValue(v));
            return;
        }
        add((v < 0 ? -significand : significand) * FIVE_CUBED, shift);
    }

    /** Adds n · 2^shift units (0 ≤ shift < 64, |n| · 2^shift < 2^104). */
    private void add(long n, int shift) {
        long addLo = n << shift;
        long addHi = shift == 0 ? n >> 63 : n >> (64 - shift);
        long sumLo = lo + addLo;
        hi += addHi + (Long.compareUnsigned(sumLo, lo) < 0 ? 1 : 0);
        lo = sumLo;
    }

    /**
     * The fewest decimals (0 to 3) of a decimal that v denotes, or -1: m / 10^k rounds to v exactly
     * when that decimal does, and no other number of at most three decimals lies as close.
     */
    private static int decimals(double v) {
        for (int k = 0; k <= DECIMALS; k++) {
            double m = Math.rint(v * POWERS_OF_TEN[k]);
            if (Math.abs(m) < 0x1p53 && m / POWERS_OF_TEN[k] == v) {
                return k;
            }
        }
        return -1;
    }

    /** What a value counts as, in decimal: the short decimal it denotes, or its binary value. */
    static BigDecimal exactValue(double v) {
        int k = decimals(v);
        return k >= 0 ? BigDecimal.valueOf((long) Math.rint(v * POWERS_OF_TEN[k]), k) : new BigDecimal(v);
    }

    public int count() {
        return count;
    }

    /** The mean of the values added, correctly rounded; null when none were. */
    public Double mean() {
        if (count == 0) {
            return null;
        }
        if (notFinite) {
            return Double.NaN;
        }
        if (fractions > 0 || rational != null) {
            return exactMean().toDouble();
        }
        if (wide == null) {
            Double exact = fixedPointMean();
            if (exact != null) {
                return exact;
            }
        }
        return quotient(toBigDecimal(), count);
    }

    /** The exact mean of the values added; null when none were. */
    public Exact exactMean() {
        if (count == 0) {
            return null;
        }
        if (notFinite) {
            throw new ArithmeticException("no exact mean of NaN or infinity");
        }
        if (rational == null) {
            Exact small = smallMean();
            if (small != null) {
                return small;
            }
        }
        Exact sum = Exact.of(toBigDecimal());
        for (int i = 0; i < fractions; i++) {
            sum = sum.plus(Exact.of(numerators[i], denominators[i]));
        }
        return (rational == null ? sum : sum.plus(rational)).dividedBy(count);
    }

    /**
     * The mean in long arithmetic. Decimals of up to three places (every published reading) add up to a
     * whole number of thousandths, 2^61 units each, in the 128-bit sum, which then fits a long when hi's
     * bits from DECIMAL_SHIFT - 1 up are all its sign. Used when that holds and every step with the
     * fractions fits a long (the common case: a period's daily means have a few small denominators); null otherwise.
     */
    private Exact smallMean() {
        if (wide != null || (lo & ((1L << DECIMAL_SHIFT) - 1)) != 0 || (hi >> (DECIMAL_SHIFT - 1)) != (hi >> 63)) {
            return null;
        }
        try {
            long den = THOUSANDTHS;
            long num = (hi << (64 - DECIMAL_SHIFT)) | (lo >>> DECIMAL_SHIFT);
            for (int i = 0; i < fractions; i++) {
                long common = Math.multiplyExact(den / Exact.gcd(den, denominators[i]), denominators[i]);
                num = Math.addExact(Math.multiplyExact(num, common / den),
                        Math.multiplyExact(numerators[i], common / denominators[i]));
                den = common;
            }
            return Exact.of(num, Math.multiplyExact(den, (long) count));
        } catch (ArithmeticException overflow) {
            return null;
        }
    }



    /**
     * sum / count rounded once to the nearest double, ties to even. A quotient that ends is divided
     * exactly. One that does not end is no double and no midpoint, so it lies strictly between two
     * multiples of its truncation's last digit, and so does the truncation with a digit appended; no
     * midpoint lies between those, so both round to the same double. (Rounding to a few dozen digits
     * first, as this once did, could turn a midpoint such as the mean of two values of 54 significant
     * bits into a value just beside it, and round it the wrong way.)
     */
    private static double quotient(BigDecimal sum, int count) {
        BigDecimal divisor = BigDecimal.valueOf(count);
        try {
            return sum.divide(divisor).doubleValue();
        } catch (ArithmeticException notEnding) {
            BigDecimal truncated = sum.divide(divisor, TRUNCATED);
            BigDecimal beyond = truncated.ulp().movePointLeft(1);
            return (truncated.signum() < 0 ? truncated.subtract(beyond) : truncated.add(beyond)).doubleValue();
        }
    }

    /**
     * |sum| · 2^64 / (125 · count) as a 192-bit quotient Q (the mean is Q · 2^-128), then its leading 53
     * bits rounded to nearest even with everything below them, remainder included, as sticky bits.
     * Null when the quotient is too small to carry 53 bits (a sum cancelled to nearly nothing).
     */
    private Double fixedPointMean() {
        if (hi == 0 && lo == 0) {
            return 0.0;
        }
        boolean negative = hi < 0;
        long h = hi;
        long l = lo;
        if (negative) {
            l = -l;
            h = ~h + (l == 0 ? 1 : 0);
        }
        long divisor = FIVE_CUBED * count;
        long[] dividend = {h >>> 32, h & LOW_32, l >>> 32, l & LOW_32, 0, 0};
        long[] q = new long[6];
        long remainder = 0;
        for (int i = 0; i < 6; i++) {
            long current = (remainder << 32) | dividend[i];
            q[i] = current / divisor;
            remainder = current % divisor;
        }
        long q2 = (q[0] << 32) | q[1];
        long q1 = (q[2] << 32) | q[3];
        long q0 = (q[4] << 32) | q[5];
        int top = q2 != 0 ? 191 - Long.numberOfLeadingZeros(q2)
                : q1 != 0 ? 127 - Long.numberOfLeadingZeros(q1) : 63 - Long.numberOfLeadingZeros(q0);
        if (top < 53) {
            return null;
        }
        int shift = top - 52;
        long significand = bitsFrom(q2, q1, q0, shift) & ((1L << 53) - 1);
        boolean guard = (bitsFrom(q2, q1, q0, shift - 1) & 1) == 1;
        boolean sticky = remainder != 0 || anyBelow(q2, q1, q0, shift - 1);
        if (guard && (sticky || (significand & 1) == 1)) {
            significand++;
        }
        double mean = Math.scalb((double) significand, shift - 128);
        return negative ? -mean : mean;
    }

    /** The 64 bits of the 192-bit number q2:q1:q0 starting at bit {@code from} (0 ≤ from < 192). */
    private static long bitsFrom(long q2, long q1, long q0, int from) {
        if (from >= 128) {
            return q2 >>> (from - 128);
        }
        if (from >= 64) {
            int s = from - 64;
            return s == 0 ? q1 : (q1 >>> s) | (q2 << (64 - s));
        }
        return from == 0 ? q0 : (q0 >>> from) | (q1 << (64 - from));
    }

    /** Whether any of the bits below bit {@code n} of q2:q1:q0 is set. */
    private static boolean anyBelow(long q2, long q1, long q0, int n) {
        if (n <= 0) {
            return false;
        }
        if (n <= 64) {
            return (n == 64 ? q0 : q0 & ((1L << n) - 1)) != 0;
        }
        if (q0 != 0) {
            return true;
        }
        if (n <= 128) {
            return (n == 128 ? q1 : q1 & ((1L << (n - 64)) - 1)) != 0;
        }
        return q1 != 0 || (q2 & ((1L << (n - 128)) - 1)) != 0;
    }

    private BigDecimal toBigDecimal() {
        if (wide != null) {
            return wide;
        }
        BigDecimal high = new BigDecimal(hi).multiply(BigDecimal.valueOf(2).pow(64));
        return high.add(new BigDecimal(Long.toUnsignedString(lo))).multiply(UNIT);
    }
}
