package dev.plandev.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plandev.defaults.exchange.DefaultsExchange.Format;
import dev.plandev.defaults.model.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The format of an imported file: as chosen, else from its name, else from its first line. */
class ExchangePagesTest {

  @Test
  void format_chosenWinsOverTheFileName() {
    assertThat(ExchangePages.format("csv", "defaults.json", "[]")).isEqualTo(Format.CSV);
  }

  @Test
  void format_fromTheFileName() {
    assertThat(ExchangePages.format("auto", "defaults.yml", "- key: a")).isEqualTo(Format.YAML);
    assertThat(ExchangePages.format("auto", "defaults.csv", "key,value")).isEqualTo(Format.CSV);
  }

  @Test
  void format_ofPastedContent_fromItsStart() {
    assertThat(ExchangePages.format("auto", "", "  [{\"key\":\"a\"}]")).isEqualTo(Format.JSON);
    assertThat(ExchangePages.format("auto", "", "key,value\na,1")).isEqualTo(Format.CSV);
    assertThat(ExchangePages.format("auto", "", "- key: a\n  value: '1'")).isEqualTo(Format.YAML);
  }

  @Test
  void format_ofAnUnknownExtension_isRefusedWithTheFormatField() {
    assertThatThrownBy(() -> ExchangePages.format("auto", "defaults.txt", "x"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("json, yaml or csv");
  }
}
