package org.airindex.records;

/** A record the job could not use, kept whole with the reason, so nothing is lost silently. */
public class DeadLetter {

    /** Why a record was set aside; the code names the job's counter and the dead-letter field. */
    public enum Reason {
        UNPARSABLE("unparsable"),
        MISSING_FIELD("missing_field"),
        WRONG_TYPE("wrong_type"),
        BAD_TIMESTAMP("bad_timestamp"),
        BAD_INTERVAL("bad_interval"),
        UNKNOWN_STATION("unknown_station"),
        IMPOSSIBLE_VALUE("impossible_value"),
        TOO_LATE("too_late"),
        /** A result line InfluxDB refused for its content (field type conflict, beyond retention, bad line). */
        INFLUX_REJECTED("influx_rejected");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public String reason;
    public String detail;
    public String origin;
    public String record;

    public DeadLetter() {}

    public DeadLetter(String reason, String detail, String origin, String record) {
        this.reason = reason;
        this.detail = detail;
        this.origin = origin;
        this.record = record;
    }

    @Override
    public String toString() {
        return "DeadLetter{" + reason + ": " + detail + " at " + origin + "}";
    }
}
