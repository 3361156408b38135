package io.complaintskpi.broker;

import java.nio.file.Path;

/** The embedded broker alone in a JVM, so a test can kill and restart it under a running service. */
public final class StandaloneBroker {

    private StandaloneBroker() {
    }

    /** {@code args[0]}: the data folder. Runs until killed. */
    public static void main(String[] args) throws InterruptedException {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(Path.of(args[0]));
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
        System.out.println("broker ready on " + broker.bootstrapServers());
        Thread.currentThread().join();
    }
}
