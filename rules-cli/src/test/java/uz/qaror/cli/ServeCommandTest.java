package uz.qaror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** qaror serve's options: what it offers, and the mistakes it refuses before listening. */
class ServeCommandTest {

    @TempDir
    Path dir;

    @Test
    void helpListsTheOptions() {
        CliTest.Run run = CliTest.run("serve", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--port", "--bind", "--rules", "--watch", "--threads", "--max-pending",
                "--token-file", "--decision-log", "--max-body", "--record-timeout", "--request-timeout",
                "--shutdown-timeout");
    }

    @Test
    void mistakesInTheOptionsAreUsageErrors() throws Exception {
        CliTest.Run size = CliTest.run("serve", "--port", "0", "--max-body", "lots");
        assertThat(size.exitCode()).isEqualTo(Qaror.USAGE);
        assertThat(size.err()).contains("size 'lots'");
        CliTest.Run deadline = CliTest.run("serve", "--port", "0", "--record-timeout", "0");
        assertThat(deadline.exitCode()).isEqualTo(Qaror.USAGE);
        assertThat(deadline.err()).contains("the record timeout must be positive");
        CliTest.Run watch = CliTest.run("serve", "--port", "0", "--watch");
        assertThat(watch.exitCode()).isEqualTo(Qaror.USAGE);
        assertThat(watch.err()).contains("--watch needs --rules DIR");
        Path empty = Files.writeString(dir.resolve("token"), "  \n");
        CliTest.Run blank = CliTest.run("serve", "--port", "0", "--token-file", empty.toString());
        assertThat(blank.exitCode()).isEqualTo(Qaror.USAGE);
        assertThat(blank.err()).contains("is empty");
    }

    @Test
    void anUnreadableTokenFileOrRulesFolderStopsTheStart() {
        CliTest.Run token = CliTest.run("serve", "--port", "0", "--token-file", dir.resolve("missing").toString());
        assertThat(token.exitCode()).isEqualTo(Qaror.UNREADABLE);
        assertThat(token.err()).contains("does not exist");
        CliTest.Run rules = CliTest.run("serve", "--port", "0", "--rules", dir.resolve("nowhere").toString());
        assertThat(rules.exitCode()).isEqualTo(Qaror.UNREADABLE);
        assertThat(rules.err()).contains("does not exist");
    }

    @Test
    void aPortInUseSaysSo() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CliTest.Run run = CliTest.run("serve", "--port", Integer.toString(taken.getLocalPort()));
            assertThat(run.exitCode()).isEqualTo(Qaror.UNREADABLE);
            assertThat(run.err()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }
}
