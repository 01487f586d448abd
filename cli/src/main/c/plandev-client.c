/*
 * plandev-client: the thin client of the plandev daemon (plandev daemon start). The ./plandev
 * launcher runs it as `plandev-client SOCKET ARG...` when a daemon runs for its jar: it sends the
 * command line, working directory and environment over the daemon's Unix socket, relays the
 * command's output (and standard input when the command reads it), and exits with its exit code.
 *
 * It exits with 200 and prints nothing when no daemon answers or the daemon declines the command
 * (a long-running command, one that may ask questions at the terminal, a rebuilt jar...): the
 * launcher then runs the command in a JVM as usual. With PLANDEV_DAEMON_DEBUG=1 it says why on
 * stderr. Ctrl-C sends a cancel to the daemon, which interrupts the command; the exit code is 130.
 *
 * Frames (see Frames.java): one type byte, a 4-byte big-endian length, the payload.
 * POSIX only, no dependency: cc -O2 -o plandev-client plandev-client.c
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define PROTOCOL "1"
#define FALL_BACK 200 /* no daemon, or it declined: the launcher runs java */
#define MAX_FRAME (16 << 20)

extern char **environ;
static volatile sig_atomic_t interrupted;
static int debug;

static void on_signal(int sig) { (void)sig; interrupted = 1; }
static void on_alarm(int sig) { (void)sig; _exit(130); }

static int write_all(int fd, const void *data, size_t length) {
  const char *p = data;
  while (length > 0) {
    ssize_t n = write(fd, p, length);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return -1;
    p += n;
    length -= (size_t)n;
  }
  return 0;
}

static int read_all(int fd, void *data, size_t length) {
  char *p = data;
  while (length > 0) {
    ssize_t n = read(fd, p, length);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return -1;
    p += n;
    length -= (size_t)n;
  }
  return 0;
}

static int send_frame(int fd, char type, const void *payload, uint32_t length) {
  unsigned char head[5] = {(unsigned char)type, length >> 24, length >> 16, length >> 8, length};
  return write_all(fd, head, 5) || (length && write_all(fd, payload, length)) ? -1 : 0;
}

/* The request's strings, each followed by a NUL, appended to a growing buffer. */
static char *request;
static size_t request_length, request_capacity;

static void add(const char *s) {
  size_t n = strlen(s) + 1;
  if (request_length + n > request_capacity) {
    request_capacity = (request_length + n) * 2;
    request = realloc(request, request_capacity);
    if (!request) exit(FALL_BACK);
  }
  memcpy(request + request_length, s, n);
  request_length += n;
}

static void add_number(long n) {
  char text[32];
  snprintf(text, sizeof text, "%ld", n);
  add(text);
}

static int columns(void) {
  const char *c = getenv("COLUMNS");
  struct winsize w;
  if (c && atoi(c) > 0) return atoi(c);
  for (int fd = 1; fd >= 0; fd--)
    if (ioctl(fd, TIOCGWINSZ, &w) == 0 && w.ws_col > 0) return w.ws_col;
  return 0;
}

static int fall_back(const char *why) {
  if (debug) fprintf(stderr, "plandev-client: %s; running without the daemon\n", why);
  return FALL_BACK;
}

int main(int argc, char **argv) {
  debug = getenv("PLANDEV_DAEMON_DEBUG") && strcmp(getenv("PLANDEV_DAEMON_DEBUG"), "1") == 0;
  if (argc < 2) {
    fprintf(stderr, "usage: plandev-client SOCKET [ARG...]\n");
    return 2;
  }
  struct sockaddr_un address = {.sun_family = AF_UNIX};
  if (strlen(argv[1]) >= sizeof address.sun_path) return fall_back("the socket path is too long");
  strcpy(address.sun_path, argv[1]);
  int sock = socket(AF_UNIX, SOCK_STREAM, 0);
  if (sock < 0 || connect(sock, (struct sockaddr *)&address, sizeof address) != 0)
    return fall_back("no daemon answers");
  signal(SIGPIPE, SIG_IGN);

  char cwd[8192];
  if (!getcwd(cwd, sizeof cwd)) return fall_back("cannot read the working directory");
  add(PROTOCOL);
  add(cwd);
  add(isatty(0) ? "1" : "0");
  add(isatty(1) ? "1" : "0");
  add_number(columns());
  add_number(argc - 2);
  for (int i = 2; i < argc; i++) add(argv[i]);
  long envc = 0;
  for (char **e = environ; *e; e++) envc++;
  add_number(envc);
  for (char **e = environ; *e; e++) add(*e);
  if (send_frame(sock, 'R', request, (uint32_t)request_length) != 0)
    return fall_back("the daemon closed the connection");
  free(request);

  struct sigaction action = {.sa_handler = on_signal};
  sigaction(SIGINT, &action, NULL);
  sigaction(SIGTERM, &action, NULL);
  int relay_stdin = 0, frames = 0, cancel_sent = 0;
  char chunk[65536];
  for (;;) {
    if (interrupted && !cancel_sent) {
      /* The daemon interrupts the command and answers 130; if it cannot, leave anyway. */
      cancel_sent = 1;
      signal(SIGALRM, on_alarm);
      alarm(2);
      if (send_frame(sock, 'C', NULL, 0) != 0) return 130;
    }
    struct pollfd fds[2] = {{.fd = sock, .events = POLLIN}, {.fd = 0, .events = POLLIN}};
    if (poll(fds, relay_stdin ? 2 : 1, -1) < 0) {
      if (errno == EINTR) continue;
      return fall_back("poll failed");
    }
    if (relay_stdin && (fds[1].revents & (POLLIN | POLLHUP | POLLERR))) {
      ssize_t n = read(0, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) relay_stdin = 0; /* the end of input: an empty frame says so */
      if (send_frame(sock, 'I', chunk, n > 0 ? (uint32_t)n : 0) != 0) return 1;
    }
    if (!(fds[0].revents & (POLLIN | POLLHUP | POLLERR))) continue;
    unsigned char head[5];
    if (read_all(sock, head, 5) != 0) {
      if (interrupted) return 130;
      if (frames == 0) return fall_back("the daemon closed the connection");
      fprintf(stderr, "plandev: the daemon stopped before the command ended; see daemon.log"
                      " beside %s\n", argv[1]);
      return 1;
    }
    frames++;
    uint32_t length = (uint32_t)head[1] << 24 | head[2] << 16 | head[3] << 8 | head[4];
    if (length > MAX_FRAME) return 1;
    char *payload = malloc(length + 1);
    if (!payload || read_all(sock, payload, length) != 0) return interrupted ? 130 : 1;
    payload[length] = 0;
    switch (head[0]) {
      case 'D':
        return fall_back(payload);
      case 'S':
        relay_stdin = 1;
        break;
      case 'O':
        write_all(1, payload, length); /* a closed stdout ends nothing, as in the JVM */
        break;
      case 'E':
        write_all(2, payload, length);
        break;
      case 'X':
        if (length != 4) return 1;
        return interrupted ? 130 : (int)((uint32_t)(unsigned char)payload[0] << 24 |
                                         (unsigned char)payload[1] << 16 |
                                         (unsigned char)payload[2] << 8 | (unsigned char)payload[3]);
    }
    free(payload);
  }
}
