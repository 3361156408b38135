package io.complaintskpi.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class DataFolderTest {

    @TempDir
    Path dir;

    @Test
    void aNewDataFolderIsCreatedOwnerOnly() throws Exception {
        Path data = dir.resolve("new/data");
        DataFolder.secure(data);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
    }

    @Test
    void anExistingDataFolderOpenToOthersIsNarrowedToItsOwner() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxrwxrwx"));
        DataFolder.secure(data);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
    }
}
