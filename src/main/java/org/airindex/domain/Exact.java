package org.airindex.domain;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An exact rational number: what a mean of measured decimals, a mean of such means or a percentile
 * between two of them really is. A double nearest such a value is not enough to round it: the mean of
 * 20.3/24 and 20.5/24 is exactly 0.85 (rounded to 0.8 by GB/T 8170), but the mean of the two doubles
 * nearest them is a double just above 0.85 (rounded to 0.9). So every statistic that is reported or
 * rounded is computed as an {@code Exact}, and rounded by {@link #round}.
 *
 * <p>Kept in lowest terms with a positive denominator; {@link #toString} and {@link #parse} write and
 * read {@code num/den} (or {@code num} for a whole number).
 */
public final class Exact extends Number implements Comparable<Exact> {
    private static final long serialVersionUID = 1L;
    public static final Exact ZERO = new Exact(BigInteger.ZERO, BigInteger.ONE);
    private static final int DOUBLE_BITS = 55;

    private final BigInteger num;
    private final BigInteger den;

    private Exact(BigInteger num, BigInteger den) {
        this.num = num;
        this.den = den;
    }

    /** num/den in lowest terms. */
    public static Exact of(BigInteger num, BigInteger den) {
        if (den.signum() == 0) {
            throw new ArithmeticException("denominator 0");
        }
        if (den.signum() < 0) {
            num = num.negate();
            den = den.negate();
        }
        if (!den.equals(BigInteger.ONE)) {
            BigInteger g = num.gcd(den);
            if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
                num = num.divide(g);
                den = den.divide(g);
            }
        }
        if (num.signum() == 0) {
            return ZERO;
        }
        return new Exact(num, den);
    }

    public static Exact of(long num, long den) {
        if (num == Long.MIN_VALUE || den == Long.MIN_VALUE || den == 0) {
            return of(BigInteger.valueOf(num), BigInteger.valueOf(den));
        }
        if (num == 0) {
            return ZERO;
        }
        if (den < 0) {
            num = -num;
            den = -den;
        }
        long g = gcd(Math.abs(num), den);
        return new Exact(BigInteger.valueOf(num / g), BigInteger.valueOf(den / g));
    }

    static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    public static Exact of(BigDecimal d) {
        return d.scale() <= 0 ? new Exact(d.toBigIntegerExact(), BigInteger.ONE)
                : of(d.unscaledValue(), BigInteger.TEN.pow(d.scale()));
    }

    /**
     * What a measured value given as a double is: the decimal of at most three places it denotes (35,
     * 0.8, 1.25: how readings are published), else its exact binary value, as {@link ExactSum} counts it.
     */
    public static Exact of(double v) {
        if (!Double.isFinite(v)) {
            throw new ArithmeticException("not a finite number: " + v);
        }
        return of(ExactSum.exactValue(v));
    }

    /** A number as it counts in a statistic: an {@code Exact} as it is, a double by {@link #of(double)}. */
    public static Exact of(Number n) {
        return n instanceof Exact e ? e : of(n.doubleValue());
    }

    /** The value {@link #toString} wrote. */
    public static Exact parse(String s) {
        int slash = s.indexOf('/');
        return slash < 0 ? of(new BigInteger(s), BigInteger.ONE)
                : of(new BigInteger(s.substring(0, slash)), new BigInteger(s.substring(slash + 1)));
    }

    public Exact plus(Exact o) {
        if (den.equals(o.den)) {
            return of(num.add(o.num), den);
        }
        return of(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
    }

    public Exact minus(Exact o) {
        return plus(o.negate());
    }

    public Exact negate() {
        return new Exact(num.negate(), den);
    }

    public Exact times(Exact o) {
        return of(num.multiply(o.num), den.multiply(o.den));
    }

    public Exact times(long n) {
        return of(num.multiply(BigInteger.valueOf(n)), den);
    }

    public Exact dividedBy(long n) {
        return of(num, den.multiply(BigInteger.valueOf(n)));
    }

    public Exact dividedBy(Exact o) {
        if (o.num.signum() == 0) {
            throw new ArithmeticException("division by 0");
        }
        return of(num.multiply(o.den), den.multiply(o.num));
    }

    public int signum() {
        return num.signum();
    }

    /**
     * GB/T 8170 rounding of the exact value: to {@code decimals} places, an exact half to the even
     * neighbour (ROUND_HALF_EVEN on the quotient and its remainder, never on an approximation).
     */
    public BigDecimal round(int decimals) {
        BigInteger scaled = decimals >= 0 ? num.multiply(BigInteger.TEN.pow(decimals)) : num;
        BigInteger divisor = decimals >= 0 ? den : den.multiply(BigInteger.TEN.pow(-decimals));
        BigInteger[] qr = scaled.abs().divideAndRemainder(divisor);
        BigInteger q = qr[0];
        int half = qr[1].shiftLeft(1).compareTo(divisor);
        if (half > 0 || half == 0 && q.testBit(0)) {
            q = q.add(BigInteger.ONE);
        }
        return new BigDecimal(num.signum() < 0 ? q.negate() : q, decimals);
    }

    /**
     * The double nearest the exact value, ties to even: the quotient taken to 55 significant bits and a
     * sticky bit for any remainder, which the conversion of that whole number to double then rounds once.
     */
    public double toDouble() {
        if (num.signum() == 0) {
            return 0.0;
        }
        if (num.bitLength() <= 53 && den.bitLength() <= 53) {
            // Both are doubles exactly, and IEEE division rounds their exact quotient once.
            return num.longValue() / (double) den.longValue();
        }
        BigInteger a = num.abs();
        int shift = DOUBLE_BITS - (a.bitLength() - den.bitLength());
        BigInteger[] qr = shift >= 0 ? a.shiftLeft(shift).divideAndRemainder(den)
                : a.divideAndRemainder(den.shiftLeft(-shift));
        long q = qr[0].longValueExact();
        if (qr[1].signum() != 0) {
            q |= 1;
        }
        double d = Math.scalb((double) q, -shift);
        return num.signum() < 0 ? -d : d;
    }

    @Override
    public double doubleValue() {
        return toDouble();
    }

    @Override
    public float floatValue() {
        return (float) toDouble();
    }

    @Override
    public long longValue() {
        return num.divide(den).longValue();
    }

    @Override
    public int intValue() {
        return (int) longValue();
    }

    /** Whether numerator and denominator both fit a long ({@link #numerator}, {@link #denominator}). */
    boolean fitsLongs() {
        return num.bitLength() < 63 && den.bitLength() < 63;
    }

    long numerator() {
        return num.longValue();
    }

    long denominator() {
        return den.longValue();
    }

    /** Whether this is a whole number of thousandths: then the double nearest it denotes it ({@link #of(double)}). */
    public boolean isShortDecimal() {
        return den.bitLength() <= 10 && 1000 % den.intValue() == 0 && num.bitLength() - den.bitLength() < 31;
    }

    /**
     * Orders numbers as statistics count them (a double by {@link #of(double)}): by their doubles, which
     * order them unless two are equal, and then exactly (two doubles equal as doubles are equal).
     */
    public static int compare(Number a, Number b) {
        int byDouble = Double.compare(a.doubleValue(), b.doubleValue());
        return byDouble != 0 || a instanceof Double && b instanceof Double ? byDouble : of(a).compareTo(of(b));
    }

    @Override
    public int compareTo(Exact o) {
        return num.multiply(o.den).compareTo(o.num.multiply(den));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Exact e && num.equals(e.num) && den.equals(e.den);
    }

    @Override
    public int hashCode() {
        return num.hashCode() * 31 + den.hashCode();
    }

    @Override
    public String toString() {
        return den.equals(BigInteger.ONE) ? num.toString() : num + "/" + den;
    }
}
