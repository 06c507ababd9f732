package org.airindex.records;

import org.apache.flink.api.common.typeinfo.TypeInfo;


/**
 * One raw station reading (STANDARDS.md §7): concentrations averaged over {@code (ts - interval, ts]}.
 * A null concentration is missing. CO in mg/m³, the others in µg/m³.
 */
@TypeInfo(ReadingSerializer.Factory.class)
public class Reading extends Concentrations {
    public String station;
    /** End of the averaging interval, epoch milliseconds. */
    public long ts;
    public int intervalS = 3600;
    /**
     * Where the reading came from (topic-partition@offset, or the file line), kept so that a reading
     * set aside after parsing, such as one too late for its hour, still names its source record.
     */
    public String origin;

    public Reading() {}

    @Override
    public String toString() {
        return "Reading{" + station + " ts=" + ts + " interval=" + intervalS + "s so2=" + so2 + " no2=" + no2
                + " co=" + co + " o3=" + o3 + " pm10=" + pm10 + " pm25=" + pm25 + "}";
    }
}
