package ca.isp.billing.jobs.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import ca.isp.billing.jobs.cli.CommandArguments.UsageException;
import ca.isp.billing.jobs.importing.ReferenceDataImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** run.sh import KIND FILE: reference data from CSV; the importer logs its counts and rejects. */
@Command(name = "import")
class ImportCommand implements Callable<Integer>, BillingCommandLine.CommandUsage, BillingCommandLine.StrictWords {

    /** KIND FILE, checked here so that a missing or extra word says the usage line. */
    @Parameters(arity = "0..*")
    List<String> words = new ArrayList<>();

    private final ReferenceDataImporter importer;

    ImportCommand(ReferenceDataImporter importer) {
        this.importer = importer;
    }

    private static String importKinds(String separator) {
        return Arrays.stream(ReferenceDataImporter.Kind.values()).map(ReferenceDataImporter.Kind::label)
                .collect(Collectors.joining(separator));
    }

    @Override
    public String usageLine() {
        return "usage: import <" + importKinds("|") + "> FILE";
    }

    @Override
    public Integer call() throws IOException {
        if (words.size() != 2) {
            throw new UsageException(usageLine());
        }
        ReferenceDataImporter.Kind kind;
        try {
            kind = ReferenceDataImporter.Kind.of(words.get(0));
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown import kind '" + words.get(0) + "': " + importKinds(", "));
        }
        Path file = Path.of(words.get(1));
        if (!Files.isReadable(file)) {
            System.err.println("error: cannot read " + file);
            return BillingCommandLine.BAD_INPUT;
        }
        importer.importFile(kind, file); // logs "Imported <kind> <file>: N lines, ... rejected (see ...)"
        return BillingCommandLine.OK;
    }
}
