#!/usr/bin/env python3
"""Reads the trace of one samkalk run (strace -f -ff -y, tests/run_nowrite.sh)
and checks where it wrote (issue #19): every path it opened for writing,
created, renamed, linked, deleted or otherwise changed must be an output
named on the command line (--out), a temporary beside one (a name starting
with '.' in an output's directory, or an unnamed O_TMPFILE file there), or
in the private TMPDIR (--tmpdir); every write() goes to such a file or to
standard output or error; and every --input (the scenario and each file it
names) is opened (unless --unread-ok: a refused file may stop the run
before the files it names), and only for reading. Without --out and --tmpdir, nothing
may change at all.

Usage: check_nowrite.py --cwd DIR [--out FILE]... [--tmpdir DIR]
                        [--input FILE]... [--unread-ok] TRACE...
Prints one line per finding and exits 1 when there is one; else prints
what changed, counted, and exits 0."""
import argparse
import codecs
import os
import re
import sys

# calls of strace's %file class that change nothing (everything else in
# the class creates, removes, renames, links or changes a path)
LOOKS = {"execve", "execveat", "access", "faccessat", "faccessat2", "stat", "lstat",
         "newfstatat", "fstatat64", "statx", "statfs", "readlink", "readlinkat",
         "getxattr", "lgetxattr", "listxattr", "llistxattr", "getcwd"}
OPENS = {"open", "openat", "openat2", "creat", "open_by_handle_at"}
WRITE_FLAGS = ("O_WRONLY", "O_RDWR", "O_CREAT", "O_TRUNC", "O_APPEND", "O_TMPFILE")
# calls on a descriptor that change its file (the descriptor decoded by -y)
FD_CHANGES = {"write", "pwrite64", "writev", "pwritev", "pwritev2", "ftruncate",
              "fallocate", "fchmod", "fchown", "fsetxattr", "fremovexattr"}

CALL = re.compile(r"^(\w+)\((.*)\)\s+=\s+(.*)$")
TOKEN = re.compile(r'(AT_FDCWD|-?\d+)<((?:[^>\\]|\\.)*)>|"((?:[^"\\]|\\.)*)"')
RESULT = re.compile(r"^(-?\d+)(?:<((?:[^>\\]|\\.)*)>)?")


def unquote(s):
    return codecs.escape_decode(s.encode("latin-1", "backslashreplace"))[0].decode(
        "utf-8", "surrogateescape")


def paths(args, cwd):
    """The path arguments of a call, each made absolute against the
    directory descriptor before it (AT_FDCWD is the working directory)."""
    out, base = [], None
    for m in TOKEN.finditer(args):
        if m.group(3) is None:
            base = unquote(m.group(2))
            continue
        p = unquote(m.group(3))
        out.append(os.path.normpath(os.path.join(base or cwd, p)))
        base = None
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cwd", required=True)
    ap.add_argument("--out", action="append", default=[])
    ap.add_argument("--tmpdir")
    ap.add_argument("--input", action="append", default=[])
    ap.add_argument("--unread-ok", action="store_true",
                    help="a refused file: its inputs need not all be opened")
    ap.add_argument("traces", nargs="+")
    a = ap.parse_args()
    outs = {os.path.realpath(p) for p in a.out}
    dirs = {os.path.dirname(p) for p in outs}
    tmpdir = os.path.realpath(a.tmpdir) if a.tmpdir else None
    inputs = {os.path.realpath(p): p for p in a.input}

    def where(path, flags=""):
        """'out', 'beside', 'tmpdir', or None: not a place to write."""
        if path in outs:
            return "out"
        if tmpdir and (path == tmpdir or path.startswith(tmpdir + "/")):
            return "tmpdir"
        if path in dirs and "O_TMPFILE" in flags:
            return "beside"
        for d in dirs:
            rest = path[len(d) + 1:] if path.startswith(d + "/") else None
            if rest and rest[0] in ".#":  # '#N' is an unnamed file's name
                return "beside"
        return None

    bad, changed, read = [], {}, {p: False for p in inputs}
    for trace in a.traces:
        with open(trace, encoding="utf-8", errors="surrogateescape") as f:
            for line in f:
                m = CALL.match(line.rstrip("\n"))
                if not m:
                    continue
                call, args, result = m.groups()
                r = RESULT.match(result)
                # what an open gave (-y): the file itself, /proc/self/fd/N
                # and symlinks followed
                opened = unquote(r.group(2)) if r and r.group(2) else None
                if call in FD_CHANGES:
                    fd = TOKEN.match(args)
                    if not fd or fd.group(1) in ("1", "2"):
                        continue
                    p = unquote(fd.group(2))
                    if not where(p):
                        bad.append("%s to %s" % (call, p))
                    continue
                if call == "chdir":
                    bad.append("chdir: every later relative path is in doubt")
                    continue
                if call in LOOKS:
                    continue
                ps = paths(args, a.cwd)
                if call in OPENS:
                    flags = args[args.rfind('"') + 1:]
                    writes = call == "creat" or any(w in flags for w in WRITE_FLAGS)
                    for p in [opened] if opened else ps:
                        rp = os.path.realpath(p)
                        if rp in read and not writes and not result.startswith("-1"):
                            read[rp] = True
                        if not writes:
                            continue
                        if rp in inputs:
                            bad.append("%s %s for writing (%s)" % (call, inputs[rp], flags.strip(", ")))
                        elif not where(p, flags):
                            bad.append("%s %s (%s) = %s" % (call, p, flags.strip(", "), result))
                        else:
                            changed.setdefault(where(p, flags), set()).add(p)
                    continue
                for p in ps:
                    if p.startswith("/proc/self/fd/"):  # an open file, named by link
                        continue
                    if os.path.realpath(p) in inputs or not where(p):
                        bad.append("%s %s = %s" % (call, p, result))
                    else:
                        changed.setdefault(where(p), set()).add(p)
    for rp, seen in read.items():
        if not seen and not a.unread_ok:
            bad.append("%s was not opened for reading (is it the file the run reads?)" % inputs[rp])
    for b in bad:
        print(b)
    if bad:
        return 1
    print("%d output(s), %d name(s) beside them, %d in TMPDIR; %d input(s) read only" % (
        len(changed.get("out", ())), len(changed.get("beside", ())),
        len(changed.get("tmpdir", ())), len(inputs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
