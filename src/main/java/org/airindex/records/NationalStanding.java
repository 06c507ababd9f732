package org.airindex.records;

/**
 * A city's estimated place in the national ranking of key cities as of one day, for one bottom N
 * ({@link org.airindex.domain.province.NationalEstimate}): its month so far among the other cities of the
 * last published table, and what leaving the bottom N would take. A Flink POJO.
 */
public class NationalStanding {
    public String province;
    public String city;
    public String period;
    public String asOf;
    public long asOfEnd;
    /** The published month the other cities' values come from. */
    public String tablePeriod;
    public int n;
    public double composite;
    public int rank;
    public int of;
    public boolean inBottom;
    /** Null when out of the bottom N. */
    public Double neededComposite;
    public double reduction;
    public Double dailyComposite;
    public Double pm25;
    public Double neededPm25;
    public Double dailyPm25;

    public NationalStanding() {}

    /** The city as the station registry keys it. */
    public String placeKey() {
        return province + "/" + city;
    }

    @Override
    public String toString() {
        return "NationalStanding{" + placeKey() + " " + period + " as of " + asOf + " bottom " + n + ": rank " + rank
                + "/" + of + (inBottom ? " in" : " out") + "}";
    }
}
