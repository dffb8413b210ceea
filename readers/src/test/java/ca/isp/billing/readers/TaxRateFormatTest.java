package ca.isp.billing.readers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static ca.isp.billing.readers.TestFiles.assertRejected;
import static ca.isp.billing.readers.TestFiles.ok;
import static ca.isp.billing.readers.TestFiles.readAll;
import static ca.isp.billing.readers.TestFiles.readOne;
import static ca.isp.billing.readers.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class TaxRateFormatTest {

    private static final TestRecord QST = TestRecord.of(
            "country", "ca",
            "region", "qc",
            "tax_code", "QST",
            "name_en", "QST",
            "name_fr", "TVQ",
            "rate", "0.09975",
            "registration", "1234567890 TQ0001");

    @TempDir
    Path dir;

    @Test
    void aTaxNamesItsPayableAccountOrLeavesItToTheCompanyDefault() throws IOException {
        assertThat(ok(readOne(dir, TaxRateFormat.INSTANCE, QST.plus("gl_account", "2320"))).glAccount())
                .isEqualTo("2320");
        assertThat(ok(readOne(dir, TaxRateFormat.INSTANCE, QST)).glAccount()).isNull();
        assertRejected(readOne(dir, TaxRateFormat.INSTANCE, QST.plus("gl_account", "@SUM(A1)")), "gl_account",
                "'@' is not allowed (A-Z, a-z, 0-9 and . _ - only): '@SUM(A1)'");
    }

    @Test
    void readsTwoTaxesOfOneProvince() throws IOException {
        Path file = write(dir, "tax-rates.csv",
                "country,region,tax_code,name_en,name_fr,rate,registration",
                "CA,QC,GST,GST,TPS,0.05,123456789 RT0001",
                "ca,qc,QST,QST,TVQ,0.09975,");

        List<Parsed<TaxRateRow>> all = readAll(file, TaxRateFormat.INSTANCE);

        assertThat(ok(all.get(0))).isEqualTo(new TaxRateRow("CA", "QC", "GST", "GST", "TPS",
                new BigDecimal("0.05"), "123456789 RT0001"));
        // 9.975% is the fraction 0.09975, kept exactly (5 decimals)
        assertThat(ok(all.get(1))).isEqualTo(new TaxRateRow("CA", "QC", "QST", "QST", "TVQ",
                new BigDecimal("0.09975"), null));
    }

    @Test
    void sixDecimalsAndTrailingZerosAreAccepted() throws IOException {
        assertThat(ok(readOne(dir, TaxRateFormat.INSTANCE, QST.with("rate", "0.123456"))).rate())
                .isEqualByComparingTo("0.123456");
        assertThat(ok(readOne(dir, TaxRateFormat.INSTANCE, QST.with("rate", "0.0500000"))).rate())
                .isEqualByComparingTo("0.05");
        assertThat(ok(readOne(dir, TaxRateFormat.INSTANCE, QST.with("rate", "0"))).rate())
                .isEqualByComparingTo("0");
    }

    static Stream<Arguments> rejections() {
        return Stream.of(
                arguments("country", "CAN", "not a 2-letter country code: 'CAN'"),
                arguments("region", "", "required but empty"),
                arguments("tax_code", "", "required but empty"),
                arguments("name_en", "", "required but empty"),
                arguments("name_fr", "", "required but empty"),
                // a percentage typed where a fraction belongs
                arguments("rate", "9.975", "not a fraction from 0 to below 1 (0.05 for 5%): '9.975'"),
                arguments("rate", "1", "not a fraction from 0 to below 1 (0.05 for 5%): '1'"),
                arguments("rate", "-0.05", "not a fraction from 0 to below 1 (0.05 for 5%): '-0.05'"),
                arguments("rate", "0.1234567", "more than 6 decimals: '0.1234567'"),
                arguments("rate", "5%", "not a decimal number (like 0.5): '5%'"));
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @MethodSource("rejections")
    void rejects(String column, String value, String reason) throws IOException {
        assertRejected(readOne(dir, TaxRateFormat.INSTANCE, QST.with(column, value)), column, reason);
    }
}
