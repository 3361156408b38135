package io.complaintskpi.testing;

import io.complaintskpi.cli.Main;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command line as the jar runs it, with its exit status and what it printed. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
