package org.airindex.records;

import java.util.ArrayList;
import java.util.List;
import org.airindex.domain.province.ContributionEntry;
import org.airindex.domain.province.GapEntry;
import org.airindex.domain.province.MoneyEntry;
import org.airindex.domain.province.ProvinceAverages;
import org.airindex.domain.province.RankingEntry;
import org.airindex.domain.province.SettlementNote;
import org.airindex.domain.province.WhatIfEntry;

/** Everything the province learns about its counties for one period as of one day. */
public class ProvinceReport {
    public String province;
    public String kind;
    public String period;
    public String asOf;
    public long asOfEnd;
    public ProvinceAverages averages;
    public List<RankingEntry> rankings = new ArrayList<>();
    public List<GapEntry> gaps = new ArrayList<>();
    public List<MoneyEntry> money = new ArrayList<>();
    /** Places not compared like the others, and why. */
    public List<SettlementNote> notes = new ArrayList<>();
    /** Months: each place's month if its remaining days ran lower PM2.5 by each configured cut. */
    public List<WhatIfEntry> whatIf = new ArrayList<>();
    /** Months: each station's part in its place's gap to the provincial average value. */
    public List<ContributionEntry> contributions = new ArrayList<>();

    public ProvinceReport() {}
}
