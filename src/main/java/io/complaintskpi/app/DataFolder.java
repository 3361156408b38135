package io.complaintskpi.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The data folder holds personal data (the embedded broker's logs, the state stores), so only the service's
 * own user may enter it: created {@code rwx------}, and narrowed to that when found wider. Whatever Kafka
 * and RocksDB create inside with the process's umask is then out of other users' reach.
 */
final class DataFolder {

    private static final Logger LOG = LoggerFactory.getLogger(DataFolder.class);
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private DataFolder() {
    }

    /** Creates {@code dir} (and missing parents) owner-only, or makes an existing one owner-only. */
    static void secure(Path dir) {
        try {
            Files.createDirectories(dir);
            PosixFileAttributeView posix = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
            if (posix == null) {
                LOG.warn("data folder {} is on a file system without POSIX permissions: restrict it by hand", dir);
                return;
            }
            Set<PosixFilePermission> now = posix.readAttributes().permissions();
            if (!now.equals(OWNER_ONLY)) {
                posix.setPermissions(OWNER_ONLY);
                LOG.info("data folder {} was {}; now {} (it holds personal data)", dir.toAbsolutePath(),
                        PosixFilePermissions.toString(now), PosixFilePermissions.toString(OWNER_ONLY));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + dir + " for its owner only", e);
        }
    }
}
