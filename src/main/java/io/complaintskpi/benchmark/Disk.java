package io.complaintskpi.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Bytes on disk under a folder: allocated blocks where {@code du} is there (Kafka's sparse index files). */
final class Disk {

    private Disk() {
    }

    static long usage(Path dir) {
        return usage(dir, child -> true);
    }

    /** Of the folder's direct children that match (e.g. one topic's partition folders). */
    static long usage(Path dir, Predicate<String> childName) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(c -> childName.test(c.getFileName().toString())).mapToLong(Disk::allocated).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long allocated(Path path) {
        try {
            Process du = new ProcessBuilder("du", "-sk", path.toString()).redirectErrorStream(true).start();
            String out = new String(du.getInputStream().readAllBytes()).trim();
            if (du.waitFor() == 0) {
                return Long.parseLong(out.split("\\s+")[0]) * 1024;
            }
        } catch (IOException | NumberFormatException e) {
            // fall back to the files' lengths
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return apparent(path);
    }

    private static long apparent(Path path) {
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
