"""What the tool refuses, as one family: each refusal is one Chinese sentence that says what to do,
and carries the exit code the command line ends with. The command line catches `Refusal` once
(cli.main); a library caller catches the one it expects, or `Refusal`.

    Refusal
    ├── ReadError      triage: a file that cannot be read at all (3); its `kind` says why
    ├── SchemeError    schemes: a scheme file or name that cannot be used (2)
    ├── UnknownRule    rules: a rule code no rule has (2)
    ├── BatchLocked    batch: another run holds the output folder (5)
    ├── PortInUse      gui: the page's port is taken (2)
    └── Stop           cli: any other slip on the command line (2, or the code it names)
"""

from __future__ import annotations

from .vocab import ExitCode


class Refusal(Exception):
    """Something the tool will not do, said in one Chinese sentence (`str(refusal)`)."""

    code: ExitCode = ExitCode.USAGE


__all__ = ["Refusal"]
