package org.airindex.domain;

import java.io.Serializable;

/**
 * The unrounded inputs of one hourly (real-time) AQI; null = missing.
 * The six 1-hour concentrations always enter. {@code so2_24h} serves the HJ 633-2012 SO2 1h
 * over-range rule; {@code pm10_24h}, {@code pm25_24h} and {@code o3_8h} enter only when a rule-set
 * uses {@code realtime_pm: moving_24h}.
 */
public record HourlyValues(Double so2, Double no2, Double co, Double o3, Double pm10, Double pm25,
                           Double so2_24h, Double pm10_24h, Double pm25_24h, Double o3_8h)
        implements Serializable {

    /** The six 1-hour values only. */
    public static HourlyValues of(Double so2, Double no2, Double co, Double o3, Double pm10, Double pm25) {
        return new HourlyValues(so2, no2, co, o3, pm10, pm25, null, null, null, null);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The 1-hour value of a pollutant. */
    public Double get(Pollutant p) {
        return switch (p) {
            case SO2 -> so2;
            case NO2 -> no2;
            case CO -> co;
            case O3 -> o3;
            case PM10 -> pm10;
            case PM25 -> pm25;
        };
    }

    public static final class Builder {
        private Double so2;
        private Double no2;
        private Double co;
        private Double o3;
        private Double pm10;
        private Double pm25;
        private Double so2_24h;
        private Double pm10_24h;
        private Double pm25_24h;
        private Double o3_8h;

        public Builder so2(Double v) {
            so2 = v;
            return this;
        }

        public Builder no2(Double v) {
            no2 = v;
            return this;
        }

        public Builder co(Double v) {
            co = v;
            return this;
        }

        public Builder o3(Double v) {
            o3 = v;
            return this;
        }

        public Builder pm10(Double v) {
            pm10 = v;
            return this;
        }

        public Builder pm25(Double v) {
            pm25 = v;
            return this;
        }

        /** Sets the 1-hour value of a pollutant. */
        public Builder set(Pollutant p, Double v) {
            switch (p) {
                case SO2 -> so2 = v;
                case NO2 -> no2 = v;
                case CO -> co = v;
                case O3 -> o3 = v;
                case PM10 -> pm10 = v;
                case PM25 -> pm25 = v;
            }
            return this;
        }

        public Builder so2_24h(Double v) {
            so2_24h = v;
            return this;
        }

        public Builder pm10_24h(Double v) {
            pm10_24h = v;
            return this;
        }

        public Builder pm25_24h(Double v) {
            pm25_24h = v;
            return this;
        }

        public Builder o3_8h(Double v) {
            o3_8h = v;
            return this;
        }

        public HourlyValues build() {
            return new HourlyValues(so2, no2, co, o3, pm10, pm25, so2_24h, pm10_24h, pm25_24h, o3_8h);
        }
    }
}
