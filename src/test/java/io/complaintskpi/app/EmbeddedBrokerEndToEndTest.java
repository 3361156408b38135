package io.complaintskpi.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The scenario on the embedded default: the restart stops and restarts the broker too. */
class EmbeddedBrokerEndToEndTest {

    @TempDir
    Path dataDir;

    @Test
    void eventsBecomeKpisAndAlertsAndSurviveARestart() {
        EndToEndScenario.run(restart -> ComplaintsService.start(EndToEndScenario.config(dataDir, "")));
    }
}
