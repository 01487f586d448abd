package dev.plandev.cli;

import dev.plandev.cli.daemon.DaemonProcess;

/** Starts the daemon's JVM ({@code plandev daemon start} launches it with this class). */
public final class DaemonMain {
  private DaemonMain() {}

  public static void main(String[] args) {
    System.exit(DaemonProcess.run(args, Plandev::run));
  }
}
