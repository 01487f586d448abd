package dev.plandev.mcp;

import io.modelcontextprotocol.util.DefaultMcpUriTemplateManagerFactory;
import io.modelcontextprotocol.util.McpUriTemplateManager;
import io.modelcontextprotocol.util.McpUriTemplateManagerFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * URI templates with RFC 6570 reserved expansion, {@code {+path}}, whose value may hold slashes.
 *
 * <p>The SDK's own templates match one path segment per variable, so {@code plan://{path}} would
 * not match {@code plan://docs/plan.md}. Templates without {@code {+…}} go to the SDK's manager.
 */
final class PlanUriTemplates implements McpUriTemplateManagerFactory {
  private static final Pattern RESERVED = Pattern.compile("\\{\\+([A-Za-z0-9_]+)}");
  private final McpUriTemplateManagerFactory simple = new DefaultMcpUriTemplateManagerFactory();

  @Override
  public McpUriTemplateManager create(String template) {
    if (!RESERVED.matcher(template).find()) {
      return simple.create(template);
    }
    return new Reserved(template);
  }

  /** A template whose variables are all of the reserved kind. */
  private static final class Reserved implements McpUriTemplateManager {
    private final List<String> names = new ArrayList<>();
    private final Pattern pattern;

    Reserved(String template) {
      StringBuilder regex = new StringBuilder("^");
      Matcher m = RESERVED.matcher(template);
      int last = 0;
      while (m.find()) {
        regex.append(Pattern.quote(template.substring(last, m.start()))).append("(.+)");
        names.add(m.group(1));
        last = m.end();
      }
      regex.append(Pattern.quote(template.substring(last))).append('$');
      this.pattern = Pattern.compile(regex.toString());
    }

    @Override
    public List<String> getVariableNames() {
      return List.copyOf(names);
    }

    @Override
    public Map<String, String> extractVariableValues(String uri) {
      Map<String, String> values = new LinkedHashMap<>();
      Matcher m = pattern.matcher(uri);
      if (m.matches()) {
        for (int i = 0; i < names.size(); i++) {
          values.put(names.get(i), m.group(i + 1));
        }
      }
      return values;
    }

    @Override
    public boolean matches(String uri) {
      return pattern.matcher(uri).matches();
    }

    @Override
    public boolean isUriTemplate(String uri) {
      return uri.contains("{");
    }
  }
}
