package dev.plandev.cli.serve;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;

/**
 * Turns SIGTERM and SIGINT into a call, so {@code plandev serve} stops like any command that
 * finished and exits 0. Left to the JVM, a signal runs the shutdown hooks and then always exits
 * with 128 + the signal's number (143 for SIGTERM), even after a clean stop, which supervisors such
 * as systemd and Kubernetes report as a failure.
 *
 * <p>The handler is {@code sun.misc.Signal}, reached by reflection: it is in every JDK this runs on
 * (module {@code jdk.unsupported}), but naming it in code makes javac warn on every build. Where it
 * cannot be installed, the JVM's own handling (the shutdown hook, exit 143) stays in force.
 */
final class TerminationSignal implements AutoCloseable {
  private static final String[] SIGNALS = {"TERM", "INT"};

  /** The handlers these replaced, by signal, put back on close; empty when none were installed. */
  private final Object[] previous;

  private TerminationSignal(Object[] previous) {
    this.previous = previous;
  }

  /**
   * Runs {@code onSignal} (on the JVM's signal thread) when the process gets SIGTERM or SIGINT,
   * until closed.
   */
  static TerminationSignal install(Runnable onSignal) {
    try {
      Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
      InvocationHandler call =
          (proxy, method, args) ->
              switch (method.getName()) {
                case "handle" -> {
                  onSignal.run();
                  yield null;
                }
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> "plandev termination handler";
              };
      Object handler =
          Proxy.newProxyInstance(
              TerminationSignal.class.getClassLoader(), new Class<?>[] {handlerType}, call);
      Object[] previous = new Object[SIGNALS.length];
      for (int i = 0; i < SIGNALS.length; i++) {
        previous[i] = handle(SIGNALS[i], handler);
      }
      return new TerminationSignal(previous);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return new TerminationSignal(new Object[0]);
    }
  }

  /** Puts back the JVM's handlers: a test JVM that ran {@code serve} must still stop on SIGTERM. */
  @Override
  public void close() {
    for (int i = 0; i < previous.length; i++) {
      try {
        handle(SIGNALS[i], previous[i]);
      } catch (ReflectiveOperationException | RuntimeException e) {
        // the process is ending anyway, or the handler was never ours to restore
      }
    }
  }

  private static Object handle(String name, Object handler) throws ReflectiveOperationException {
    Class<?> signal = Class.forName("sun.misc.Signal");
    Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
    Object s = signal.getConstructor(String.class).newInstance(name);
    return signal.getMethod("handle", signal, handlerType).invoke(null, s, handler);
  }
}
