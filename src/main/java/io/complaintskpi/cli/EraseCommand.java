package io.complaintskpi.cli;

import io.complaintskpi.app.Erasure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "erase", mixinStandardHelpOptions = true,
        description = "Erase one complaint: rewrite complaint-events, the dead-letter topic and complaint-alerts"
                + " without its records and reset the service's derived state, rebuilt from the events at the next"
                + " start (docs/security.md). Stop every instance first.")
final class EraseCommand implements Callable<Integer> {

    @Mixin
    ServiceOptions options;

    @Option(names = "--complaint", required = true, description = "the complaint reference (the events' key)")
    String complaint;

    @Override
    public Integer call() {
        Erasure.Result result = Erasure.erase(options.load(Map.of()), complaint);
        // The reference is not echoed: the output may land in a log.
        System.out.printf("erased: records removed %s; %d internal topics deleted; the next start rebuilds the"
                + " stores from the events%n", result.removed(), result.internalTopicsDeleted().size());
        return 0;
    }
}
