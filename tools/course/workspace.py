"""A student's working copy of the lessons: made once, never overwritten, restored on request.

    python3 workspace.py make WORKSPACE LESSONS
    python3 workspace.py restore WORKSPACE LESSONS [LESSON...]

`make` copies into WORKSPACE every file of LESSONS (the tracked notebooks/ folder: the lessons
and the data files beside them) that WORKSPACE does not have yet, so a new lesson appears and a
student's own edits stay. `restore` puts the original of each named lesson (all when none is
named, by file name or by number: 03, 03-adaptive-rates, 03-adaptive-rates.ipynb) back, after
moving the student's version to WORKSPACE/.replaced/. Both sign the lessons they write with the
notary of JUPYTER_DATA_DIR (as `jupyter trust` does), so Jupyter opens them trusted: their
charts and tables show without "Not Trusted". Used by ./lab open, ./lab restore and the hub.
"""

import os
import shutil
import sys
import time

import nbformat
from nbformat.sign import NotebookNotary


def lessons(lessons_dir):
    return sorted(f for f in os.listdir(lessons_dir)
                  if not f.startswith(".") and os.path.isfile(os.path.join(lessons_dir, f)))


def trust(path, data_dir=None):
    """Signs the notebook at path, so Jupyter (with the same data dir) shows it trusted."""
    if data_dir:
        os.makedirs(data_dir, exist_ok=True)
    notary = NotebookNotary(data_dir=data_dir) if data_dir else NotebookNotary()
    notary.sign(nbformat.read(path, as_version=4))


def make(workspace, lessons_dir, data_dir=None):
    """Copies the lessons that workspace lacks; returns their names."""
    os.makedirs(workspace, exist_ok=True)
    made = [name for name in lessons(lessons_dir)
            if not os.path.exists(os.path.join(workspace, name))]
    for name in made:
        copy = os.path.join(workspace, name)
        shutil.copyfile(os.path.join(lessons_dir, name), copy)
        if name.endswith(".ipynb"):
            trust(copy, data_dir)
    return made


def find(lessons_dir, wanted):
    """The lesson file named (or numbered) by wanted, or an error naming it."""
    matches = [name for name in lessons(lessons_dir) if name.endswith(".ipynb")
               and (name in (wanted, wanted + ".ipynb") or name.startswith(wanted + "-"))]
    if len(matches) != 1:
        raise SystemExit(f"lesson '{wanted}': " + ("no such lesson" if not matches else
                         "matches " + ", ".join(matches)) + f" in {lessons_dir}")
    return matches[0]


def restore(workspace, lessons_dir, wanted=(), data_dir=None):
    """Puts back the originals of the wanted lessons (all when none); returns their names."""
    names = [find(lessons_dir, w) for w in wanted] or lessons(lessons_dir)
    replaced = os.path.join(workspace, ".replaced", time.strftime("%Y%m%d-%H%M%S"))
    for name in names:
        copy = os.path.join(workspace, name)
        if os.path.exists(copy):
            os.makedirs(replaced, exist_ok=True)
            shutil.move(copy, os.path.join(replaced, name))
    make(workspace, lessons_dir, data_dir)
    return names


if __name__ == "__main__":
    if len(sys.argv) < 4 or sys.argv[1] not in ("make", "restore"):
        sys.exit(__doc__)
    command, workspace, lessons_dir = sys.argv[1:4]
    if command == "make":
        for name in make(workspace, lessons_dir):
            print(f"{name} copied to {workspace}")
    else:
        for name in restore(workspace, lessons_dir, sys.argv[4:]):
            print(f"{name} restored in {workspace}")
