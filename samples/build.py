"""Regenerate the sample workbooks in this folder: `python samples/build.py [OUTDIR]`."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from excel_eval.samples import build  # noqa: E402

if __name__ == "__main__":
    for path in build(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent):
        print(path)
