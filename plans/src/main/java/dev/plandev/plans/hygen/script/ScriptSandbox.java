package dev.plandev.plans.hygen.script;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.mozilla.javascript.Callable;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.ContextFactory;
import org.mozilla.javascript.LambdaFunction;
import org.mozilla.javascript.RhinoException;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;

/**
 * A JavaScript engine (Mozilla Rhino) in which templates' code runs without reach outside: no Java
 * class is visible to scripts, there is no network, no process and no file function; {@code
 * require} reads only files under the templates folder and the built-in modules {@code path},
 * {@code inflection} and {@code change-case}; {@code process.env} is a copy of the variables given.
 * A script that runs away is stopped after a fixed number of instructions.
 *
 * <p>One sandbox belongs to the thread that opened it, until {@link #close}.
 */
public final class ScriptSandbox implements AutoCloseable {
  /** Instructions a generator's scripts may run in all, far above any real template's needs. */
  static final long INSTRUCTION_BUDGET = 2_000_000_000L;

  private static final ContextFactory FACTORY = new BudgetedContextFactory();

  private final Context cx;
  private final ScriptableObject scope;
  private final Path root;
  private final Map<Path, Object> modules = new HashMap<>();
  private final java.util.Set<Path> allowedFiles = new java.util.HashSet<>();
  private final Scriptable builtIns;

  private ScriptSandbox(
      Path root,
      Map<String, String> environment,
      Path cwd,
      PrintWriter console,
      Clock clock,
      long budget) {
    this.root = root.toAbsolutePath().normalize();
    this.cx = FACTORY.enterContext();
    try {
      cx.setLanguageVersion(Context.VERSION_ES6);
      cx.setInterpretedMode(true); // one-shot scripts: interpreting starts faster than compiling
      cx.setClassShutter(className -> false);
      cx.setInstructionObserverThreshold(100_000);
      cx.putThreadLocal(BudgetedContextFactory.SPENT, new long[] {0, budget});
      scope = cx.initSafeStandardObjects();
      Scriptable process = cx.newObject(scope);
      ScriptableObject.putProperty(process, "env", toJs(environment));
      ScriptableObject.putProperty(process, "platform", "linux");
      String cwdText = cwd.toAbsolutePath().normalize().toString();
      ScriptableObject.putProperty(process, "cwd", function("cwd", args -> cwdText));
      ScriptableObject.putProperty(scope, "process", process);
      Scriptable consoleObject = cx.newObject(scope);
      for (String level : List.of("log", "info", "warn", "error", "debug")) {
        ScriptableObject.putProperty(
            consoleObject,
            level,
            function(
                level,
                args -> {
                  StringBuilder line = new StringBuilder();
                  for (Object a : args) {
                    line.append(line.length() == 0 ? "" : " ").append(Context.toString(a));
                  }
                  console.println(line);
                  console.flush();
                  return Context.getUndefinedValue();
                }));
      }
      ScriptableObject.putProperty(scope, "console", consoleObject);
      // Date reads the injected clock; builtins.js installs it and removes this name.
      ScriptableObject.putProperty(
          scope, "__plandevNow", function("now", args -> (double) clock.millis()));
      builtIns = (Scriptable) evaluate(resource("builtins.js"), "plandev:builtins.js");
    } catch (RuntimeException e) {
      Context.exit();
      throw e;
    }
  }

  /**
   * Opens a sandbox whose {@code require} reads files under {@code root}.
   *
   * @param environment what {@code process.env} holds
   * @param cwd what {@code process.cwd()} returns
   * @param console where {@code console.log} writes
   * @param clock what {@code new Date()} and {@code Date.now()} read
   */
  public static ScriptSandbox open(
      Path root, Map<String, String> environment, Path cwd, PrintWriter console, Clock clock) {
    return new ScriptSandbox(root, environment, cwd, console, clock, INSTRUCTION_BUDGET);
  }

  /** A sandbox whose scripts may run {@code budget} instructions in all (for tests). */
  static ScriptSandbox open(
      Path root,
      Map<String, String> environment,
      Path cwd,
      PrintWriter console,
      Clock clock,
      long budget) {
    return new ScriptSandbox(root, environment, cwd, console, clock, budget);
  }

  /** Runs a script and returns its completion value; errors name {@code file} and the line. */
  public Object evaluate(String source, String file) {
    try {
      return cx.evaluateString(scope, ConstDeclarations.rewrite(source), file, 1, null);
    } catch (RhinoException e) {
      throw ScriptFailureException.of(e, file);
    }
  }

  /** Calls a JavaScript function, or returns null when {@code function} is not one. */
  public Object call(Object function, Object... args) {
    if (!(function instanceof Callable callable)) {
      return null;
    }
    Object[] jsArgs = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      jsArgs[i] = toJs(args[i]);
    }
    try {
      return callable.call(cx, scope, scope, jsArgs);
    } catch (RhinoException e) {
      throw ScriptFailureException.of(e, null);
    }
  }

  /**
   * Waits for a value that may be a promise (running the queued reactions) and returns what it
   * settled to.
   *
   * @throws ScriptFailureException when it was rejected
   */
  public Object settle(Object value) {
    Scriptable box = cx.newObject(scope);
    call(ScriptableObject.getProperty(builtIns, "settle"), value, box);
    cx.processMicrotasks();
    if (ScriptableObject.hasProperty(box, "error")) {
      Object error = ScriptableObject.getProperty(box, "error");
      if (error instanceof Scriptable s && ScriptableObject.getProperty(s, "stack") != null) {
        Object stack = ScriptableObject.getProperty(s, "stack");
        Object message = ScriptableObject.getProperty(s, "message");
        throw new ScriptFailureException(
            Context.toString(message) + " (" + firstFrame(Context.toString(stack)) + ")");
      }
      throw new ScriptFailureException(Context.toString(error));
    }
    if (!ScriptableObject.hasProperty(box, "value")) {
      throw new ScriptFailureException("a promise of the template never settled");
    }
    return ScriptableObject.getProperty(box, "value");
  }

  private static String firstFrame(String stack) {
    String first = stack.strip().lines().findFirst().orElse("");
    return first.startsWith("at ") ? first.substring(3) : first.replaceFirst("^\\s*\\S*@", "");
  }

  /** Lets {@link #require} read one file outside the root (the project's {@code .hygen.js}). */
  public void allow(Path file) {
    allowedFiles.add(file.toAbsolutePath().normalize());
  }

  /** The {@code module.exports} of a file under the root, read and run once. */
  public Object require(Path file) {
    Path path = file.toAbsolutePath().normalize();
    if (!path.startsWith(root) && !allowedFiles.contains(path)) {
      throw new ScriptFailureException(
          "require('" + file + "') reaches outside the templates folder " + root);
    }
    Object cached = modules.get(path);
    if (cached != null) {
      return cached;
    }
    String source;
    try {
      source = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ScriptFailureException("cannot read " + path + ": " + e.getMessage());
    }
    String name =
        root.getParent() == null ? path.toString() : root.getParent().relativize(path).toString();
    if (path.toString().endsWith(".json")) {
      Object json = call(ScriptableObject.getProperty(builtIns, "parseJson"), source);
      modules.put(path, json);
      return json;
    }
    Scriptable module = cx.newObject(scope);
    Scriptable exports = cx.newObject(scope);
    ScriptableObject.putProperty(module, "exports", exports);
    modules.put(path, exports);
    Object wrapper =
        evaluate(
            "(function (exports, require, module, __filename, __dirname) {" + source + "\n})",
            name);
    Path dir = path.getParent();
    Object require = function("require", args -> requireFrom(dir, Context.toString(args[0])));
    call(wrapper, exports, require, module, path.toString(), dir.toString());
    Object result = ScriptableObject.getProperty(module, "exports");
    modules.put(path, result);
    return result;
  }

  private Object requireFrom(Path dir, String name) {
    if (name.startsWith("./") || name.startsWith("../") || name.startsWith("/")) {
      Path target = dir.resolve(name).normalize();
      for (String suffix : List.of("", ".js", ".json", "/index.js")) {
        Path candidate = Path.of(target + suffix);
        if (Files.isRegularFile(candidate)) {
          return require(candidate);
        }
      }
      throw new ScriptFailureException("require('" + name + "'): no such file " + target);
    }
    Scriptable builtInModules = (Scriptable) ScriptableObject.getProperty(builtIns, "modules");
    Object builtIn = ScriptableObject.getProperty(builtInModules, name);
    if (builtIn == Scriptable.NOT_FOUND) {
      throw new ScriptFailureException(
          "require('"
              + name
              + "') is not available: templates run sandboxed and may require their own files"
              + " (./name) and the modules path, inflection and change-case");
    }
    return builtIn;
  }

  /** A member of the sandbox's built-in table (builtins.js): context, inject, escapeXml, ... */
  public Object builtIn(String name) {
    return ScriptableObject.getProperty(builtIns, name);
  }

  /**
   * hygen's {@code h}: capitalize, inflection, changeCase and path, plus {@code extra}'s members.
   */
  public Object helpers() {
    return ScriptableObject.getProperty(builtIns, "helpers");
  }

  /**
   * A JavaScript function that runs {@code body} on its arguments (already as JavaScript values).
   */
  public Object function(String name, Function<Object[], Object> body) {
    return new LambdaFunction(scope, name, 0, (c, s, thisObj, args) -> toJs(body.apply(args)));
  }

  /** A member of a JavaScript object, or null when absent or not an object. */
  public Object member(Object object, String name) {
    if (!(object instanceof Scriptable s)) {
      return null;
    }
    Object value = ScriptableObject.getProperty(s, name);
    return value == Scriptable.NOT_FOUND ? null : value;
  }

  /** Java values (maps, lists, strings, numbers, booleans, null) as JavaScript values. */
  public Object toJs(Object value) {
    return JsValues.toJs(cx, scope, value);
  }

  /** A JavaScript value as Java: objects as ordered maps, arrays as lists, undefined as null. */
  public Object toJava(Object value) {
    return JsValues.toJava(value);
  }

  /** {@code String(value)} as JavaScript says it. */
  public String text(Object value) {
    return Context.toString(value);
  }

  private static String resource(String name) {
    try (InputStream in = ScriptSandbox.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    Context.exit();
  }

  /** Stops a script once it has run its sandbox's budget of instructions. */
  private static final class BudgetedContextFactory extends ContextFactory {
    static final String SPENT = "plandev.instructions";

    @Override
    protected void observeInstructionCount(Context cx, int instructionCount) {
      long[] spentAndBudget = (long[]) cx.getThreadLocal(SPENT);
      spentAndBudget[0] += instructionCount;
      if (spentAndBudget[0] > spentAndBudget[1]) {
        throw new ScriptFailureException(
            "a template script ran more than "
                + spentAndBudget[1]
                + " instructions and was stopped (an endless loop?)");
      }
    }
  }
}
