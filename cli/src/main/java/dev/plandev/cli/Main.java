package dev.plandev.cli;

/** Starts the {@code plandev} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(Plandev.run(Environment.system(), args));
  }
}
