package ca.isp.billing.jobs.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import ca.isp.billing.domain.DateWindow;
import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.jobs.rate.UsageRating;
import ca.isp.billing.jobs.BillingProperties.Source;
import ca.isp.billing.jobs.support.FaultInjection;
import ca.isp.billing.readers.AsteriskCdrFormat;
import ca.isp.billing.readers.CsvRowReader;
import ca.isp.billing.readers.FreeRadiusDetailReader;
import ca.isp.billing.readers.FreeSwitchCdrFormat;
import ca.isp.billing.readers.GenericCdrFormat;
import ca.isp.billing.readers.LineCsvReader;
import ca.isp.billing.readers.FilePosition;
import ca.isp.billing.readers.RealmHandling;

/**
 * The ingest step's tasklet: every configured usage source (billing.ingest.sources.*) in name
 * order, each with the reader its format names, one file per transaction as each source's own
 * tasklet does. The step is finished when the last source has no file left.
 */
public class UsageSources implements Tasklet {

    /** A source's name becomes a folder name, an ingested_file kind and a usage record's source. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,19}");

    private final List<Tasklet> sources;
    private int current;

    UsageSources(List<Tasklet> sources) {
        this.sources = List.copyOf(sources);
    }

    /** One tasklet per configured source; a source named or set up wrongly stops the step at once, naming it. */
    public static UsageSources of(BillingProperties properties, JdbcTemplate jdbc,
                                  PlatformTransactionManager transactionManager, DateWindow startTimes,
                                  FaultInjection faults) {
        List<Tasklet> tasklets = new ArrayList<>();
        // Every source's records are stored rated, with the rate tables as they are when the step starts.
        UsageRating rating = UsageRating.load(jdbc);
        for (Map.Entry<String, Source> entry : properties.ingest().sources().entrySet()) {
            String name = entry.getKey();
            Source source = entry.getValue();
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("billing.ingest.sources." + name + ": a source's name is 1 to 20 "
                        + "lower-case letters, digits or '-' (it names folders and records)");
            }
            Path folder = properties.sourceFolder(name, source);
            String pattern = source.effectivePattern();
            boolean byAccountCode = Source.ACCOUNT_CODE.equals(source.matchBy());
            tasklets.add(switch (source.format()) {
                case USAGE_CSV -> Source.DEFAULT_NAME.equals(name) && source.folder() == null && source.pattern() == null
                        ? new UsageFileIngester(jdbc, rating, transactionManager, properties, startTimes, faults)
                        : new UsageFileIngester(name, folder, pattern, jdbc, rating, transactionManager, properties,
                        startTimes, faults);
                case FREERADIUS_DETAIL -> new RadiusDetailIngester(name, folder, pattern,
                        FreeRadiusDetailReader.Settings.of(source.effectiveZone())
                                .with(source.stripRealm() ? RealmHandling.STRIP : RealmHandling.KEEP).within(startTimes),
                        jdbc, rating, properties);
                case ASTERISK_CSV -> {
                    AsteriskCdrFormat format = AsteriskCdrFormat.of(source.effectiveZone(), source.logUniqueId(),
                            source.logUserField(), source.newCdrColumns()).within(startTimes);
                    yield new CallFileIngester(name, folder, pattern, file -> LineCsvReader.open(file, FilePosition.START,
                            format), byAccountCode, source.effectiveZone(), jdbc, rating, transactionManager, properties, faults);
                }
                case FREESWITCH_CSV -> {
                    FreeSwitchCdrFormat format = (source.template() == null
                            ? FreeSwitchCdrFormat.of(source.effectiveZone())
                            : FreeSwitchCdrFormat.of(source.template(), source.effectiveZone())).within(startTimes);
                    yield new CallFileIngester(name, folder, pattern, file -> LineCsvReader.open(file, FilePosition.START,
                            format), byAccountCode, source.effectiveZone(), jdbc, rating, transactionManager, properties, faults);
                }
                case GENERIC_CDR -> {
                    GenericCdrFormat format = GenericCdrFormat.of(source.effectiveZone()).within(startTimes);
                    yield new CallFileIngester(name, folder, pattern, file -> CsvRowReader.open(file, format),
                            byAccountCode, source.effectiveZone(), jdbc, rating, transactionManager, properties, faults);
                }
            });
        }
        return new UsageSources(tasklets);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        if (current >= sources.size()) {
            current = 0;
            return RepeatStatus.FINISHED;
        }
        if (sources.get(current).execute(contribution, chunkContext) == RepeatStatus.FINISHED) {
            current++;
        }
        if (current >= sources.size()) {
            current = 0;
            return RepeatStatus.FINISHED;
        }
        return RepeatStatus.CONTINUABLE;
    }
}
