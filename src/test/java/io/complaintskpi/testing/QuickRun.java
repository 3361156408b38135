package io.complaintskpi.testing;

/**
 * {@code -Dcrash.tests=false} skips the crash tests (minutes each) in a quick local run; in CI
 * ({@code CI=true}) they always run. Used as {@code @DisabledIf("io.complaintskpi.testing.QuickRun#skipsCrashTests")}.
 */
public final class QuickRun {

    private QuickRun() {
    }

    public static boolean skipsCrashTests() {
        return "false".equals(System.getProperty("crash.tests")) && !Tools.inCi();
    }
}
