package ca.isp.billing.readers;

import ca.isp.billing.domain.BillingIncrement;
import ca.isp.billing.domain.DateWindow;
import ca.isp.billing.domain.VoiceRate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static ca.isp.billing.readers.TestFiles.assertRejected;
import static ca.isp.billing.readers.TestFiles.ok;
import static ca.isp.billing.readers.TestFiles.readAll;
import static ca.isp.billing.readers.TestFiles.readOne;
import static ca.isp.billing.readers.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class RateFormatTest {

    private static final TestRecord FRANCE_MOBILE = TestRecord.of(
            "rate_table", "RES",
            "prefix", "336",
            "destination", "France mobile",
            "band", "ANY",
            "per_minute", "0.2500",
            "first_increment", "30",
            "next_increment", "6",
            "connection_fee", "0.15",
            "minimum_charge", "0.50",
            "uses_included", "NO",
            "effective_from", "2026-10-01",
            "effective_to", "");

    @TempDir
    Path dir;

    @Test
    void readsRatesWithAndWithoutTheOptionalColumns() throws IOException {
        Path file = write(dir, "rates.csv",
                "rate_table,prefix,destination,band,per_minute,first_increment,next_increment,connection_fee,"
                        + "minimum_charge,uses_included,effective_from,effective_to",
                "RES,1514,Montréal,day,0.02,60,60,,,yes,,",
                "RES,336,France mobile,ANY,0.2500,30,6,0.15,0.50,NO,2026-10-01,2026-12-31");

        List<Parsed<VoiceRate>> all = readAll(file, RateFormat.INSTANCE);

        // band upper-cased; no fee, no minimum: 0.00; no dates: always
        assertThat(ok(all.get(0))).isEqualTo(new VoiceRate("RES", "1514", "Montréal", "DAY", new BigDecimal("0.02"),
                new BillingIncrement(60, 60), null, null, true, null, null));
        assertThat(ok(all.get(0)).connectionFee()).isEqualTo(new BigDecimal("0.00"));
        assertThat(ok(all.get(1))).isEqualTo(new VoiceRate("RES", "336", "France mobile", "ANY",
                new BigDecimal("0.2500"), new BillingIncrement(30, 6), new BigDecimal("0.15"), new BigDecimal("0.50"),
                false, LocalDate.parse("2026-10-01"), LocalDate.parse("2026-12-31")));
    }

    @Test
    void theColumnsMayComeInAnyOrderAndTheOptionalOnesMayBeLeftOut() throws IOException {
        Path file = write(dir, "rates.csv", "uses_included,next_increment,first_increment,per_minute,band,prefix,rate_table",
                "no,1,1,0.09,ANY,44,RES");

        assertThat(ok(readAll(file, RateFormat.INSTANCE).get(0)).increment()).isEqualTo(new BillingIncrement(1, 1));
    }

    static Stream<Arguments> rejections() {
        return Stream.of(
                arguments("rate_table", "", "required but empty"),
                arguments("rate_table", "RES/1", "'/' is not allowed (A-Z, a-z, 0-9 and . _ - only): 'RES/1'"),
                arguments("prefix", "+336", "not 1 to 15 digits (the number as E.164 digits, no + or spaces): '+336'"),
                arguments("prefix", "33 6", "not 1 to 15 digits (the number as E.164 digits, no + or spaces): '33 6'"),
                arguments("prefix", "1234567890123456",
                        "not 1 to 15 digits (the number as E.164 digits, no + or spaces): '1234567890123456'"),
                arguments("band", "", "required but empty"),
                arguments("per_minute", "0.12345", "more than 4 decimals: '0.12345'"),
                arguments("per_minute", "-0.01", "must not be negative: '-0.01'"),
                arguments("per_minute", "100.01", "above the plausible maximum 100.00: '100.01'"),
                arguments("first_increment", "0", "must be at least 1: '0'"),
                arguments("next_increment", "3601", "above 3600 seconds: '3601'"),
                arguments("next_increment", "6s", "not a whole number: '6s'"),
                arguments("connection_fee", "0.155", "more than 2 decimals: '0.155'"),
                arguments("minimum_charge", "100.01", "above the plausible maximum 100.00: '100.01'"),
                arguments("uses_included", "Y", "not one of YES, NO: 'Y'"),
                arguments("effective_from", "2026-13-01", "not a date (YYYY-MM-DD): '2026-13-01'"),
                arguments("effective_to", "2026-09-30", "before effective_from 2026-10-01: '2026-09-30'"));
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @MethodSource("rejections")
    void rejects(String column, String value, String reason) throws IOException {
        assertRejected(readOne(dir, RateFormat.INSTANCE, FRANCE_MOBILE.with(column, value)), column, reason);
    }

    @Test
    void refusesEffectiveDatesOutsideThePlausibleWindow() throws IOException {
        RateFormat format = RateFormat.within(new DateWindow(LocalDate.parse("2000-01-01"), LocalDate.parse("2040-12-31")));

        assertRejected(readOne(dir, format, FRANCE_MOBILE.with("effective_from", "1900-01-01")), "effective_from",
                "outside the plausible window 2000-01-01..2040-12-31: '1900-01-01'");
    }
}
