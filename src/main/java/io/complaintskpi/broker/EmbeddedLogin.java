package io.complaintskpi.broker;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one SASL/PLAIN login of an embedded broker whose listeners want one: its user, and a password made at
 * random on first use and kept in {@code client.properties} in the broker's folder, owner-only (the data folder
 * is too). That file is a Kafka client configuration as it stands, so the service, every command that finds the
 * broker through the data folder, and an operator's own Kafka tools ({@code --command-config}) read the login
 * from it; it is never on a command line nor in the environment. Delete it and restart to change the password.
 */
final class EmbeddedLogin {

    static final String FILE = "client.properties";
    static final String USER = "complaints-kpi";
    static final String MECHANISM = "PLAIN";
    static final String PROTOCOL = "SASL_PLAINTEXT";
    private static final String LOGIN_MODULE = "org.apache.kafka.common.security.plain.PlainLoginModule";
    private static final Pattern PASSWORD = Pattern.compile("password=\"([A-Za-z0-9_-]+)\"");
    private static final int PASSWORD_BYTES = 24;

    private final String password;

    private EmbeddedLogin(String password) {
        this.password = password;
    }

    /** The login saved in {@code brokerDir}, made and saved first if there is none. */
    static EmbeddedLogin ensure(Path brokerDir) {
        Path file = brokerDir.resolve(FILE);
        if (!Files.exists(file)) {
            byte[] random = new byte[PASSWORD_BYTES];
            new SecureRandom().nextBytes(random);
            save(new EmbeddedLogin(Base64.getUrlEncoder().withoutPadding().encodeToString(random)), file);
        }
        return read(brokerDir);
    }

    /** The login saved in {@code brokerDir}. */
    static EmbeddedLogin read(Path brokerDir) {
        Path file = brokerDir.resolve(FILE);
        Properties saved = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            saved.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded broker wants a SASL login and " + file + " holds it, but it"
                    + " cannot be read (run as the data folder's owner)", e);
        }
        Matcher password = PASSWORD.matcher(saved.getProperty("sasl.jaas.config", ""));
        if (!password.find()) {
            throw new IllegalStateException(file + " holds no password for the embedded broker: delete it, and the"
                    + " next start of the service makes a new one");
        }
        return new EmbeddedLogin(password.group(1));
    }

    /** What a client of the broker sets to log in. */
    Map<String, String> clientSettings() {
        Map<String, String> client = new LinkedHashMap<>();
        client.put("security.protocol", PROTOCOL);
        client.put("sasl.mechanism", MECHANISM);
        client.put("sasl.jaas.config", LOGIN_MODULE + " required username=\"" + USER + "\" password=\"" + password
                + "\";");
        return client;
    }

    /**
     * What the broker sets on a listener that wants the login: the one user it accepts, and the same login for
     * its own connections to that listener (the controller's raft, the broker's registration, transaction markers).
     */
    Map<String, String> listenerSettings(String listener) {
        return Map.of("listener.name." + listener.toLowerCase(Locale.ROOT) + ".plain.sasl.jaas.config",
                LOGIN_MODULE + " required username=\"" + USER + "\" password=\"" + password + "\" user_" + USER
                        + "=\"" + password + "\";");
    }

    private static void save(EmbeddedLogin login, Path file) {
        Properties props = new Properties();
        props.putAll(login.clientSettings());
        StringWriter text = new StringWriter();
        try {
            props.store(text, "SASL login of the embedded Kafka broker (kafka.embedded-sasl); keep it owner-only");
            Files.createDirectories(file.getParent());
            // A temporary file is made rw------- (on POSIX), so the password is never readable by others.
            Path tmp = Files.createTempFile(file.getParent(), FILE, ".tmp");
            Files.writeString(tmp, text.toString());
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the embedded broker's SASL login to " + file, e);
        }
    }
}
