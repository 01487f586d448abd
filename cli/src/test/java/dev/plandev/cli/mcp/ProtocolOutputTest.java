package dev.plandev.cli.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProtocolOutputTest {
  @Test
  void write_characterSplitAcrossWrites_comesOutWhole() {
    StringWriter text = new StringWriter();
    ProtocolOutput out = new ProtocolOutput(new PrintWriter(text));
    byte[] bytes = "{\"t\":\"É🚀\"}\n".getBytes(StandardCharsets.UTF_8);

    for (byte b : bytes) {
      out.write(b);
    }
    out.flush();

    assertThat(text.toString()).isEqualTo("{\"t\":\"É🚀\"}\n");
  }
}
