"""Runs a command in a pseudo-terminal and types into it, as a person would.

usage: python3 pty-driver.py STEPS_JSON -- COMMAND [ARG...]

STEPS_JSON is a list of {"expect": text, "send": keys}: wait until `text` shows on the screen (after the
previous match, colours and cursor moves stripped), then type `keys` ("\\r" is Enter, "\\x03" Ctrl-C,
"\\x1b[B" the down arrow); an optional "pause" (ms) before typing stands for a person reading. Prints
one JSON object: the exit status (128 + signal when killed by one), the screen text, ms from start to
each match, and an error when a text never showed up.
Python's pty module is on every machine we run on; node-pty would need a native build.
"""
import fcntl, json, os, pty, re, select, struct, sys, termios, time

# Generous: a safety net for a run that went wrong, not a measure of speed.
WAIT_SECONDS = float(os.environ.get("PTY_WAIT_SECONDS", "120"))
ESCAPES = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>78]|\r")


def main():
    split = sys.argv.index("--")
    steps = json.loads(sys.argv[1])
    command = sys.argv[split + 1:]
    start = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        # A wide terminal, so that no question wraps.
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 200, 0, 0))
        os.execvp(command[0], command)

    raw = bytearray()

    def read(deadline):
        """Reads what the program printed: True if something came, None at its end, False on time-out."""
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            return False
        try:
            data = os.read(fd, 65536)
        except OSError:  # EIO: the program closed the terminal
            data = b""
        if not data:
            return None
        raw.extend(data)
        return True

    def screen():
        return ESCAPES.sub("", raw.decode("utf8", "replace"))

    pos, times, error = 0, [], None
    for step in steps:
        deadline = time.monotonic() + WAIT_SECONDS
        while error is None:
            found = screen().find(step["expect"], pos)
            if found >= 0:
                pos = found + len(step["expect"])
                times.append(round((time.monotonic() - start) * 1000))
                break
            got = read(deadline)
            if got is not True:
                error = "never showed up" if got is False else "program ended before it showed up"
                error = f"{json.dumps(step['expect'])} {error}"
        if error:
            break
        time.sleep(step.get("pause", 0) / 1000)
        os.write(fd, step["send"].encode())

    if error:
        os.kill(pid, 9)
    deadline = time.monotonic() + WAIT_SECONDS
    got = True
    while got:
        got = read(deadline)
    if got is False:
        # Still running, waiting for an answer no step gives: end it rather than wait forever.
        error = error or "the program was still running after the last step"
        os.kill(pid, 9)
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    print(json.dumps({"status": 128 - code if code < 0 else code, "screen": screen(), "times": times, "error": error}))


main()
