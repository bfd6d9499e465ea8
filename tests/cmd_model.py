"""A small model of how cmd.exe reads a batch file, for testing the Windows scripts where there is no cmd.

It follows the phases of cmd's parser as they are commonly documented (percent expansion of a whole
line, then special characters and quotes, then delayed expansion, then the command), for just the
constructs the scripts use. Anything else raises `Unsupported`: the model refuses rather than guesses,
so a script that needs more than it knows fails its test instead of passing on a wrong reading.

- Phase 1, percent expansion: `%%` → `%`; `%0`–`%9` and `%~1`, `%~f0`, `%~dp0`; `%*`; `%NAME%` (in a
  batch file an undefined name gives nothing, a lone `%` vanishes). What it puts in is NOT expanded
  again, but IS read by phase 2 as if it had been typed.
- Phase 2, special characters: `"` toggles quoting; outside quotes `^` escapes the next character,
  `&` ends a command and `>`/`2>` redirect; `(` opening a command is a block, which the model does not
  run (the scripts have none: a `)` coming from a name would end a block early).
- Phase 5, delayed expansion (only when on): `!NAME!` is replaced after phase 2, so its value cannot
  act; a `!` left over vanishes, which is what happens to a `!` in a file name.
- A program started is split into argv as a Windows program splits its command line
  (CommandLineToArgvW: spaces outside quotes separate, `""` inside quotes is a quote, backslashes
  before a quote are halved).
"""

from __future__ import annotations

import ntpath
import re
from dataclasses import dataclass, field


class Unsupported(Exception):
    """A construct the model does not know."""


@dataclass
class Started:
    argv: list[str]
    env: dict[str, str]


@dataclass
class Run:
    started: list[Started] = field(default_factory=list)
    echoed: list[str] = field(default_factory=list)
    paused: bool = False
    exit_code: int | None = None
    hard_exit: bool = False  # `exit`, not `exit /b`: the window's cmd ends too


def split_commands(line: str) -> list[str]:
    """Phase 2: a line into its commands at unquoted `&`, carets taken away outside quotes, redirections
    dropped. Raises Unsupported for a block, a pipe, `&&` or `||`."""
    commands, current, quoted, i = [], [], False, 0
    while i < len(line):
        c = line[i]
        if c == '"':
            quoted = not quoted
        elif not quoted and c == "^":
            i += 1
            if i < len(line):
                current.append("\0" + line[i])  # escaped: a plain character, whatever it is
            i += 1
            continue
        elif not quoted and c == "&":
            if line[i + 1:i + 2] == "&":
                raise Unsupported("&&")
            commands.append(current)
            current = []
            i += 1
            continue
        elif not quoted and c == "|":
            raise Unsupported("a pipe or ||")
        elif not quoted and c == "(" and re.match(r"\s*$|\s*@?(if|for)\s", "".join(x[-1] for x in current), re.I):
            raise Unsupported("a ( ) block")  # a block opening a command, or the body of an if or a for
        current.append(c)
        i += 1
    commands.append(current)
    out = []
    for chars in commands:
        text = "".join(x[-1] for x in chars)
        plain = [len(x) == 1 for x in chars]  # the characters phase 2 may still act on
        out.append(_drop_redirections(text, plain).strip())
    return [c for c in out if c]


def _drop_redirections(text: str, plain: list[bool]) -> str:
    quoted, keep, i = False, [], 0
    while i < len(text):
        c = text[i]
        if c == '"':
            quoted = not quoted
        if not quoted and plain[i] and c in "<>":
            if keep and keep[-1] in "12" and (len(keep) == 1 or keep[-2] == " "):
                keep.pop()
            m = re.match(r"[<>]+\s*(\S+)", text[i:])
            i += m.end() if m else 1
            continue
        keep.append(c)
        i += 1
    return "".join(keep)


def argv(command: str) -> list[str]:
    """A command line split as CommandLineToArgvW (and the C runtime) splits it."""
    args, current, quoted, have, i = [], [], False, False, 0
    while i < len(command):
        c = command[i]
        if c == "\\":
            n = len(command[i:]) - len(command[i:].lstrip("\\"))
            if command[i + n:i + n + 1] == '"':
                current.append("\\" * (n // 2))
                if n % 2:
                    current.append('"')
                    i += n + 1
                else:
                    i += n
                have = True
                continue
            current.append("\\" * n)
            have = True
            i += n
            continue
        if c == '"':
            if quoted and command[i + 1:i + 2] == '"':
                current.append('"')
                i += 2
                continue
            quoted, have = not quoted, True
        elif c in " \t" and not quoted:
            if have:
                args.append("".join(current))
            current, have = [], False
        else:
            current.append(c)
            have = True
        i += 1
    if have:
        args.append("".join(current))
    return args


def batch_arguments(command: str) -> list[str]:
    """How cmd splits the arguments of a batch file (%0, %1, …): at unquoted spaces, tabs, commas,
    semicolons and equals signs; quotes stay in the argument."""
    args, current, quoted = [], [], False
    for c in command:
        if c == '"':
            quoted = not quoted
        if not quoted and c in " \t,;=":
            if current:
                args.append("".join(current))
            current = []
            continue
        current.append(c)
    if current:
        args.append("".join(current))
    return args


def explorer_start(script: str, dropped: list[str], env: dict[str, str]) -> tuple[str, list[str]]:
    """Files dropped on `script` in Explorer: the command line it gives cmd (a path quoted only when it
    holds a space), and the arguments the script then gets, after cmd has read that line (outer quotes
    taken away, %NAME% of a defined variable expanded, `&` ending the command, `^` escaping)."""
    listed = " ".join(f'"{p}"' if " " in p else p for p in dropped)
    line = f'C:\\WINDOWS\\system32\\cmd.exe /c ""{script}" {listed}"'
    inner = line[line.index("/c ") + 3:]
    last = inner.rindex('"')
    inner = inner[1:last] + inner[last + 1:]
    # Phase 1 on a command line (not in a batch file): an undefined %NAME% stays as it is.
    inner = re.sub(r"%([^%\s]+)%", lambda m: env.get(m[1].upper(), m[0]), inner)
    first = split_commands(inner)[0]
    return line, batch_arguments(first)[1:]


class Batch:
    """Run a batch file's text as cmd would, for the constructs of the scripts (see the module)."""

    def __init__(self, text: str, script: str, args: list[str], env: dict[str, str], *, cmdcmdline: str,
                 exists: set[str] = frozenset(), programs: dict[str, int] | None = None):
        self.lines = text.split("\r\n")
        self.args = [script, *args]
        self.env = {k.upper(): v for k, v in env.items()}
        self.cmdcmdline = cmdcmdline
        self.exists = {p.lower() for p in exists}
        self.programs = {k.lower(): v for k, v in (programs or {}).items()}  # program name → exit code
        self.delayed = False
        self.errorlevel = 0
        self.run = Run()

    def __call__(self) -> Run:
        pc = 0
        while pc < len(self.lines):
            line = self.lines[pc].strip()
            pc += 1
            if not line or line.startswith(":") or re.match(r"@?rem(\s|$)", line, re.I):
                continue
            for command in split_commands(self.percent(line)):
                jump = self.execute(self.delayed_expansion(command))
                if self.run.exit_code is not None:
                    return self.run
                if jump is not None:
                    pc = self.label(jump)
                    break
        self.run.exit_code = self.errorlevel
        return self.run

    # --- phase 1 and phase 5 --------------------------------------------------------------------

    def percent(self, line: str) -> str:
        out, i = [], 0
        while i < len(line):
            if line[i] != "%":
                out.append(line[i])
                i += 1
                continue
            if line[i + 1:i + 2] == "%":
                out.append("%")
                i += 2
                continue
            m = re.match(r"%(~[a-z]*)?([0-9])", line[i:], re.I)
            if m:
                out.append(self.argument(int(m[2]), (m[1] or "").lower()))
                i += m.end()
                continue
            if line[i + 1:i + 2] == "*":
                out.append(" ".join(self.args[1:]))
                i += 2
                continue
            end = line.find("%", i + 1)
            if end == -1:
                i += 1  # a lone % vanishes
                continue
            name = line[i + 1:end]
            if ":" in name:
                raise Unsupported(f"%{name}%")
            out.append(self.variable(name))
            i = end + 1
        return "".join(out)

    def argument(self, n: int, modifiers: str) -> str:
        value = self.args[n] if n < len(self.args) else ""
        bare = value[1:] if value.startswith('"') else value
        bare = bare[:-1] if bare.endswith('"') else bare
        if modifiers == "":
            return value
        if modifiers in ("~", "~f"):
            return bare
        if modifiers == "~dp":
            return ntpath.dirname(bare) + "\\"
        raise Unsupported(f"%{modifiers}{n}")

    def variable(self, name: str) -> str:
        if name.lower() == "errorlevel":
            return str(self.errorlevel)
        if name.lower() == "cmdcmdline":
            return self.cmdcmdline
        return self.env.get(name.upper(), "")

    def delayed_expansion(self, command: str) -> str:
        if not self.delayed or "!" not in command:
            return command
        if "^" in command:
            raise Unsupported("a caret under delayed expansion")
        out, i = [], 0
        while i < len(command):  # one pass: a value put in is not read again
            end = command.find("!", i + 1) if command[i] == "!" else -1
            if command[i] != "!":
                out.append(command[i])
            elif end != -1:
                out.append(self.variable(command[i + 1:end]))
                i = end
            i += 1  # a lone ! vanishes
        return "".join(out)

    # --- commands ---------------------------------------------------------------------------------

    def label(self, name: str) -> int:
        if name.lower() == ":eof":
            return len(self.lines)
        for i, line in enumerate(self.lines):
            if line.strip().lower() == ":" + name.lstrip(":").lower():
                return i + 1
        raise Unsupported(f"no label {name}")

    def execute(self, command: str) -> str | None:
        word, _, rest = command.partition(" ")
        verb = word.lower().lstrip("@")
        if verb in ("echo", "echo."):
            self.run.echoed.append(rest)
        elif verb in ("chcp", "title"):
            pass
        elif verb == "setlocal":
            if rest.lower() not in ("enabledelayedexpansion", "disabledelayedexpansion"):
                raise Unsupported(command)
            self.delayed = rest.lower() == "enabledelayedexpansion"
        elif verb == "set":
            self.assign(rest)
        elif verb == "if":
            return self.condition(rest)
        elif verb == "goto":
            return rest.strip()
        elif verb == "shift":
            self.args = self.args[1:]  # %0 moves too
        elif verb == "pause":
            self.run.paused = True
        elif verb == "exit":
            words = rest.split()
            if words[:1] == ["/b"]:
                raise Unsupported("exit /b")
            self.run.exit_code = int(words[0]) if words else self.errorlevel
            self.run.hard_exit = True
        elif verb == "where":
            self.errorlevel = 0 if rest.strip().lower() in self.programs else 1
        else:
            self.start(command)
        return None

    def assign(self, rest: str) -> None:
        if rest.startswith('"'):
            rest = rest[1:rest.rindex('"')]  # `set "NAME=value"`: what follows the last quote is ignored
        name, equals, value = rest.partition("=")
        if not equals or " " in name:
            raise Unsupported(f"set {rest}")
        if value:
            self.env[name.upper()] = value
        else:
            self.env.pop(name.upper(), None)

    def condition(self, rest: str) -> str | None:
        words = rest.split(" ", 1)
        negate = words[0].lower() == "not"
        if negate:
            rest = words[1]
        kind, _, tail = rest.partition(" ")
        if kind.lower() in ("exist", "defined", "errorlevel"):
            subject, after = _token(tail)
            if kind.lower() == "exist":
                truth = subject.strip('"').lower() in self.exists
            elif kind.lower() == "defined":
                truth = subject.upper() in self.env
            else:
                truth = self.errorlevel >= int(subject)
        else:
            m = re.match(r'("[^"]*"|[^\s=]+)==("[^"]*"|\S+)\s+(.*)', rest)
            if not m:
                raise Unsupported(f"if {rest}")
            truth, after = m[1] == m[2], m[3]
        return self.execute(after.strip()) if truth != negate else None

    def start(self, command: str) -> None:
        args = argv(command)
        program = ntpath.basename(args[0]).lower().removesuffix(".exe")
        if program not in self.programs:
            self.errorlevel = 9009  # '…' is not recognised as a command
            return
        self.run.started.append(Started(args, dict(self.env)))
        self.errorlevel = self.programs[program]


def _token(text: str) -> tuple[str, str]:
    text = text.lstrip()
    if text.startswith('"'):
        end = text.index('"', 1) + 1
    else:
        end = len(text.split(" ", 1)[0])
    return text[:end], text[end:]
