package ca.isp.billing.jobs.cli;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

import ca.isp.billing.domain.Money;
import ca.isp.billing.domain.TaxClass;
import ca.isp.billing.domain.UnknownJurisdictionException;
import ca.isp.billing.jobs.cli.CommandArguments.UsageException;
import ca.isp.billing.jobs.tax.TaxQuote;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** run.sh tax-quote: the taxes the billing run would charge on an amount of a class at a postal code on a date. */
@Command(name = "tax-quote")
class TaxQuoteCommand implements Callable<Integer> {

    /** The largest amount a tax quote takes: above it, a typo. */
    private static final BigDecimal MAX_QUOTE = new BigDecimal("1000000.00");

    @Option(names = "--postal-code")
    String postalCode;
    @Option(names = "--country")
    String country;
    @Option(names = "--region")
    String region;
    @Option(names = "--class")
    String className;
    @Option(names = "--amount")
    String amount;
    @Option(names = "--date")
    String date;

    private final TaxQuote taxQuote;

    TaxQuoteCommand(TaxQuote taxQuote) {
        this.taxQuote = taxQuote;
    }

    @Override
    public Integer call() {
        String code = CommandArguments.required("postal-code", postalCode);
        String countryCode = CommandArguments.required("country", country).toUpperCase(Locale.ROOT);
        String regionCode = region != null ? region.toUpperCase(Locale.ROOT) : null;
        String name = CommandArguments.required("class", className);
        TaxClass taxClass = Arrays.stream(TaxClass.values())
                .filter(c -> c.name().equalsIgnoreCase(name.replace('-', '_'))).findFirst()
                .orElseThrow(() -> new UsageException("--class must be one of " + Arrays.toString(TaxClass.values())
                        + ", not '" + name + "'"));
        BigDecimal value;
        try {
            value = Money.parse(CommandArguments.required("amount", amount));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--amount must be an amount like 100.00, not '" + amount + "'");
        }
        if (value.signum() < 0 || value.compareTo(MAX_QUOTE) > 0) {
            throw new UsageException("--amount must be from 0.00 to " + MAX_QUOTE + ", not " + value);
        }
        LocalDate day = CommandArguments.date("date", date);
        try {
            taxQuote.quote(countryCode, regionCode, code, taxClass, value, day).describe().forEach(System.out::println);
            return BillingCommandLine.OK;
        } catch (UnknownJurisdictionException e) {
            System.err.println("error: " + e.getMessage());
            return BillingCommandLine.BAD_INPUT;
        }
    }
}
