package io.complaintskpi.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ToolsTest {

    @TempDir
    Path bin;

    @Test
    void aMissingProgramFailsInCi() {
        assertThatThrownBy(() -> Tools.require(List.of("promtool"), "apt-get install -y prometheus",
                Map.of("CI", "true", "PATH", bin.toString())))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("promtool is not on the PATH").hasMessageContaining("CI=true");
    }

    @Test
    void aMissingProgramSkipsOutsideCi() {
        assertThatThrownBy(() -> Tools.require(List.of("promtool"), "apt-get install -y prometheus",
                Map.of("PATH", bin.toString())))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("apt-get install -y prometheus");
        assertThatThrownBy(() -> Tools.require(List.of("promtool"), "x", Map.of("CI", "false", "PATH", bin.toString())))
                .isInstanceOf(TestAbortedException.class);
    }

    @Test
    void theFirstExecutableOfTheNamesOnThePathIsFound() throws IOException {
        Path other = Files.createDirectory(bin.resolve("other"));
        Files.writeString(bin.resolve("chromium"), "not executable");
        Path browser = Files.writeString(other.resolve("chromium-browser"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(browser, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(Tools.require(List.of("chromium", "chromium-browser"), "x",
                Map.of("CI", "true", "PATH", bin + java.io.File.pathSeparator + other))).isEqualTo(browser);
    }
}
