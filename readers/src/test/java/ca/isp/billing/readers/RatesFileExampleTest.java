package ca.isp.billing.readers;

import ca.isp.billing.domain.BandWindow;
import ca.isp.billing.domain.Call;
import ca.isp.billing.domain.CallRater;
import ca.isp.billing.domain.RateTable;
import ca.isp.billing.domain.RatedCall;
import ca.isp.billing.domain.RatingGap;
import ca.isp.billing.domain.VoiceRate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static ca.isp.billing.readers.TestFiles.ok;
import static ca.isp.billing.readers.TestFiles.readAll;
import static ca.isp.billing.readers.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The example files of domain/RATES.md, read and put together as the import will, then used to rate calls. */
class RatesFileExampleTest {

    static final String[] RATES = {
            "rate_table,prefix,destination,band,per_minute,first_increment,next_increment,connection_fee,"
                    + "minimum_charge,uses_included,effective_from,effective_to",
            "RES,1,North America,ANY,0.0500,60,60,,,YES,,",
            "RES,1514,Montréal,DAY,0.0200,60,60,,,YES,,",
            "RES,1514,Montréal,EVENING,0.0100,60,60,,,YES,,",
            "RES,1514,Montréal,ANY,0.0150,60,60,,,YES,,",
            "RES,1900,Premium,DAY,1.9900,60,60,0.50,,NO,,",
            "RES,33,France,ANY,0.1200,30,6,0.15,,NO,,",
            "RES,336,France mobile,ANY,0.2500,30,6,0.15,0.50,NO,,",
            "RES,44,United Kingdom,ANY,0.0900,1,1,,,NO,,2026-10-15",
            "RES,44,United Kingdom,ANY,0.0700,1,1,,,NO,2026-10-16,"};

    static final String[] BANDS = {
            "rate_table,band,name_en,name_fr,days,from_time,to_time",
            "RES,DAY,Day,Jour,MON-FRI,08:00,18:00",
            "RES,EVENING,Evening,Soir,MON-FRI,18:00,24:00",
            "RES,EVENING,Evening,Soir,MON-FRI,00:00,08:00",
            "RES,WEEKEND,Weekend,Fin de semaine,\"SAT,SUN\",00:00,24:00"};

    @TempDir
    Path dir;

    @Test
    void theExampleRatesCalls() throws IOException {
        RateTable res = tables(RATES, BANDS).get("RES");

        assertThat(res.size()).isEqualTo(9);
        assertThat(res.bands().codes()).containsExactly("DAY", "EVENING", "WEEKEND");
        // Thursday 2026-10-01, 61 s to France on 30/6: 66 s; 0.15 + 66 x 0.12 / 60 = 0.282 -> 0.28
        assertThat(rated(res, "33123456789", "2026-10-01T10:00", 61).fullAmount()).isEqualTo(new BigDecimal("0.28"));
        // Saturday, Montréal: no WEEKEND rate at 1514, its ANY rate: 2 x 0.015 = 0.03
        RatedCall weekend = rated(res, "15145550100", "2026-10-03T12:00", 120);
        assertThat(weekend.band()).isEqualTo("WEEKEND");
        assertThat(weekend.fullAmount()).isEqualTo(new BigDecimal("0.03"));
        // Thursday evening, premium: 1900 has a DAY rate only, so a gap, not the 1 rate
        assertThat(CallRater.rate(Call.answered("c", "19005550100", "2026-10-01T20:00", 60), res))
                .isInstanceOf(RatingGap.class);
    }

    @Test
    void aTableWithAmbiguousLinesIsRefusedByName() throws IOException {
        String[] overlapping = {RATES[0], RATES[8], "RES,44,United Kingdom,ANY,0.0800,1,1,,,NO,2026-10-01,"};

        assertThatThrownBy(() -> tables(overlapping, BANDS))
                .hasMessage("table RES, prefix 44, band ANY: two rates in effect on the same days "
                        + "(always..2026-10-15 and 2026-10-01..on)");
        String[] overlappingBands = {BANDS[0], BANDS[1], "RES,EVENING,Evening,Soir,FRI,17:00,24:00"};
        assertThatThrownBy(() -> tables(new String[] {RATES[0]}, overlappingBands))
                .hasMessage("table RES: bands DAY and EVENING overlap: [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY]"
                        + " 08:00-18:00 and [FRIDAY] 17:00-24:00");
    }

    private Map<String, RateTable> tables(String[] rates, String[] bands) throws IOException {
        List<VoiceRate> lines = readAll(write(dir, "rates.csv", rates), RateFormat.INSTANCE).stream()
                .map(TestFiles::ok).toList();
        Map<String, List<BandWindow>> windows = new LinkedHashMap<>();
        for (Parsed<RateBandRow> parsed : readAll(write(dir, "rate-bands.csv", bands), RateBandFormat.INSTANCE)) {
            RateBandRow row = ok(parsed);
            windows.computeIfAbsent(row.rateTable(), table -> new ArrayList<>()).add(row.window());
        }
        return RateTable.tables(lines, windows);
    }

    private static RatedCall rated(RateTable table, String destination, String start, long seconds) {
        return (RatedCall) CallRater.rate(Call.answered("c", destination, start, seconds), table);
    }
}
