package org.airindex.records;

/**
 * A record as it came in: its text, where it came from (topic-partition@offset or file:line), and
 * either the parsed reading or the reason it could not be parsed. Parsing happens in the source so
 * that event time and watermarks are assigned per Kafka partition.
 */
public class RawReading {
    public String origin;
    public String text;
    /** Null when the record could not be parsed; then {@link #reason} says why. */
    public Reading reading;
    public String reason;
    public String detail;

    public RawReading() {}

    public static RawReading parsed(String origin, String text, Reading reading) {
        RawReading r = new RawReading();
        r.origin = origin;
        r.text = text;
        r.reading = reading;
        return r;
    }

    public static RawReading rejected(String origin, String text, DeadLetter.Reason reason, String detail) {
        RawReading r = new RawReading();
        r.origin = origin;
        r.text = text;
        r.reason = reason.code();
        r.detail = detail;
        return r;
    }
}
