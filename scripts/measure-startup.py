#!/usr/bin/env python3
"""Startup figures for BENCHMARKS.md: how long `meshtop --demo` takes, from exec, to draw its
first frame (the header) and its first frame with workloads, in a 120x40 pseudo-terminal.
Usage: scripts/measure-startup.py [RUNS] [BINARY]   (after `make release`)"""
import fcntl, os, pty, select, signal, statistics, struct, sys, termios, time

runs = int(sys.argv[1]) if len(sys.argv) > 1 else 11
binary = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", ".build", "release", "meshtop")

def once():
    start = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.execv(binary, [binary, "--demo", "--topology", "emojivoto", "--scenario", "steady"])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    seen, first, data = b"", None, None
    while data is None and time.monotonic() - start < 10:
        ready, _, _ = select.select([fd], [], [], 0.01)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
            now = time.monotonic()
            if first is None and b"meshtop" in seen:
                first = now
            if b"deployment/web" in seen:
                data = now
    os.write(fd, b"q")
    os.waitpid(pid, 0)
    os.close(fd)
    return (first - start) * 1000, (data - start) * 1000

results = [once() for _ in range(runs)]
for name, values in (("first frame", [r[0] for r in results]), ("first frame with workloads", [r[1] for r in results])):
    print(f"{name}: median {statistics.median(values):.1f} ms, min {min(values):.1f}, max {max(values):.1f} ({runs} runs)")
