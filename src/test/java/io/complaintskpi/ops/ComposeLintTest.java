package io.complaintskpi.ops;

import io.complaintskpi.testing.Tools;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * dclint (the Docker Compose linter from the npm registry; .ci/run installs it) finds nothing in
 * docker-compose.yml: the compose schema, ports bound to an interface, pinned images, no build with an
 * unversioned image. Only the two ordering rules are off (.dclintrc.json): the file is ordered by meaning.
 */
class ComposeLintTest {

    @Test
    void dclintFindsNoProblem() {
        String dclint = Tools.dclint().toString();
        Processes.Result result = Processes.run(RepoFiles.ROOT, Map.of(), List.of(dclint, "--color", "false",
                "-c", ".dclintrc.json", "--max-warnings", "0", RepoFiles.COMPOSE.toString()));
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).doesNotContain("error", "warning");
    }

    @Test
    void onlyStyleRulesAreOff() {
        assertThat(RepoFiles.json(RepoFiles.ROOT.resolve(".dclintrc.json")).path("rules").properties())
                .allSatisfy(rule -> {
                    assertThat(rule.getKey()).isIn("service-keys-order", "services-alphabetical-order");
                    assertThat(rule.getValue().asInt()).isZero();
                });
    }
}
