package dev.plandev.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A really small file system for a test of a full disk: a tmpfs of a given size mounted on a
 * folder, unmounted on close. Mounting needs root (CI runs as root); without it the test is skipped
 * (in CI: failed) by {@link Prerequisites}.
 */
public final class SmallDisk implements AutoCloseable {
  private final Path mount;

  private SmallDisk(Path mount) {
    this.mount = mount;
  }

  /** Mounts a tmpfs of {@code size} (as mount takes it: {@code 256k}) on {@code folder}. */
  public static SmallDisk mount(Path folder, String size) throws IOException, InterruptedException {
    Path mount = Files.createDirectories(folder);
    boolean mounted = run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", mount.toString());
    Prerequisites.require(
        mounted, "mounting a " + size + " tmpfs failed: this test needs root (CI runs as root)");
    return new SmallDisk(mount);
  }

  /** The folder the small file system is mounted on. */
  public Path path() {
    return mount;
  }

  private static boolean run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    run("umount", mount.toString());
  }
}
