"""Execute a Descent notebook headless through the project's Java kernel, and check it.

    python3 execute.py [--check-source] SOURCE.ipynb [DEST.ipynb]

Runs every cell of SOURCE in a fresh kernel named "java" (the kernelspec that
descent.kernel.Install writes; JUPYTER_PATH must point at it), with the notebook's own folder as
working directory, then checks the result against what the notebook declares in its metadata:

    "descent": {"min_images": 3, "min_displays": 1, "min_claims": 4, "timeout": 60}

min_images    at least this many image outputs (image/png, image/svg+xml or image/gif);
min_displays  at least this many outputs shown with display(...), such as a live progress bar
              or chart (optional, default 0);
min_explorers at least this many explorers: outputs of descent.plot.Explorer, HTML marked
              class="descent-explorer" with a PNG in the same output (optional, default 0);
min_claims    at least this many claims that held: verdicts of descent.display.Claim, shown as
              HTML marked class="descent-claim" (optional, default 0). A claim that does not
              hold fails its cell, so it is reported as a failing cell;
timeout       seconds each cell may take (optional, default 120).

Worked answers: a markdown cell's <details> block (the collapsed answer to a "Try this next"
item) may hold fenced ```java code. Those blocks run too, after the lesson's last cell, in the
order they appear and in the same session, so an answer that no longer works fails the lesson
like any cell. Their outputs are not stored and not counted.

A problem is: a cell that fails or times out, an error output (unless the cell is tagged
"raises-exception"), output on stderr (unless tagged "allow-stderr"), JavaScript in an output
other than an explorer's, an output that loads anything from the network,
fewer images or displays than declared. Problems are printed one a line, naming the notebook and the cell, and
the exit status is 1. With no problem the executed notebook is written to DEST (when given) with
its cell ids and metadata kept and execution timestamps dropped, so that diffs stay small.

--check-source also checks SOURCE as it is stored (it must already show its outputs), so that a
lesson committed without its charts is caught.

Used by ./lab run (DEST = SOURCE) and by the JUnit test descent.notebooks.NotebooksTest.
"""

import argparse
import os
import re
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError

IMAGE_TYPES = ("image/png", "image/svg+xml", "image/gif")
DEFAULT_TIMEOUT = 120
CLAIM_HELD = 'class="descent-claim" data-holds="true"'
EXPLORER = 'class="descent-explorer"'
NETWORK = re.compile(r"""(src|href)\s*=\s*["']?(https?:)?//""", re.I)


def is_explorer(out):
    """An explorer's output: its HTML (with its own inline script) and a PNG beside it."""
    data = out.get("data", {})
    return EXPLORER in "".join(data.get("text/html", "")) and "image/png" in data


def declared(nb):
    """(minimum counts, cell timeout) the notebook declares; ValueError says what to add."""
    spec = nb.metadata.get("descent")
    if not isinstance(spec, dict) or not isinstance(spec.get("min_images"), int):
        raise ValueError('declares nothing to check: add to its metadata '
                         '"descent": {"min_images": N, "timeout": SECONDS}')
    minimums = {"images": spec["min_images"], "displays": spec.get("min_displays", 0),
                "claims": spec.get("min_claims", 0), "explorers": spec.get("min_explorers", 0)}
    for what in ("displays", "claims", "explorers"):
        if not isinstance(minimums[what], int):
            raise ValueError(f'metadata descent.min_{what} must be a whole number, '
                             f'got {minimums[what]!r}')
    timeout = spec.get("timeout", DEFAULT_TIMEOUT)
    if not isinstance(timeout, (int, float)) or timeout <= 0:
        raise ValueError(f'metadata descent.timeout must be a number of seconds > 0, got {timeout!r}')
    return minimums, timeout


def where(nb, index):
    """'cell 4 (id walk: "double x = 4;")' — enough to find the cell in Jupyter."""
    cell = nb.cells[index]
    if ANSWER_TAG in cell.metadata.get("tags", []):
        first = cell.source.strip().splitlines()[0] if cell.source.strip() else ""
        return f'the worked answer in markdown cell {cell.metadata["answer_of"] + 1} ("{first[:60]}")'
    first = cell.source.strip().splitlines()[0] if cell.source.strip() else ""
    if len(first) > 60:
        first = first[:57] + "..."
    return f'cell {index + 1} (id {cell.get("id", "?")}: "{first}")'


def counts(nb):
    """How many images, display(...) outputs and claims that held nb shows."""
    outputs = [out for cell in nb.cells for out in cell.get("outputs", [])]
    html = [out.get("data", {}).get("text/html", "") for out in outputs]
    return {"images": sum(1 for out in outputs for t in IMAGE_TYPES if t in out.get("data", {})),
            "displays": sum(1 for out in outputs if out.output_type == "display_data"),
            "claims": sum(1 for h in html if CLAIM_HELD in "".join(h)),
            "explorers": sum(1 for out in outputs if is_explorer(out))}


def output_problems(nb, name):
    """Error outputs, stderr and JavaScript in the outputs of nb, one message each."""
    found = []
    for index, cell in enumerate(nb.cells):
        tags = cell.metadata.get("tags", [])
        for out in cell.get("outputs", []):
            kind = out.output_type
            if kind == "error" and "raises-exception" not in tags:
                found.append(f"{name}, {where(nb, index)}: {out.ename}: {out.evalue}")
            if kind == "stream" and out.name == "stderr" and "allow-stderr" not in tags:
                lines = out.text.strip().splitlines()
                found.append(f"{name}, {where(nb, index)}: wrote to stderr: "
                             f"{lines[0] if lines else ''}")
            data = out.get("data", {})
            html = "".join(data.get("text/html", ""))
            if "application/javascript" in data or ("<script" in html and not is_explorer(out)):
                found.append(f"{name}, {where(nb, index)}: output contains JavaScript; "
                             f"lessons show images, and explorers with a PNG beside them")
            if NETWORK.search(html):
                found.append(f"{name}, {where(nb, index)}: output loads from the network: "
                             f"{NETWORK.search(html).group(0)}")
    return found


def problems(nb, name):
    """Everything wrong with the outputs of nb, including too few images or displays."""
    found = output_problems(nb, name)
    minimums, _ = declared(nb)
    shown = counts(nb)
    for what, minimum in minimums.items():
        if shown[what] < minimum:
            found.append(f"{name}: shows {shown[what]} {what}, declares at least {minimum}")
    return found


ANSWER_BLOCK = re.compile(r"<details.*?</details>", re.S)
JAVA_FENCE = re.compile(r"```java[^\n]*\n(.*?)```", re.S)
ANSWER_TAG = "descent-worked-answer"


def worked_answers(nb):
    """The java code of every <details> block in the markdown cells, as code cells to append."""
    answers = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "markdown":
            continue
        for block in ANSWER_BLOCK.findall(cell.source):
            for code in JAVA_FENCE.findall(block):
                answer = nbformat.v4.new_code_cell(code.strip())
                answer.metadata["tags"] = [ANSWER_TAG]
                answer.metadata["answer_of"] = index
                answers.append(answer)
    return answers


def execute(nb, name, cwd):
    """Runs nb in place, then its worked answers; returns the problems of the run (a failing cell
    stops it). The answers are removed again before nb is checked and stored."""
    answers = worked_answers(nb)
    lesson_cells = len(nb.cells)
    nb.cells.extend(answers)
    try:
        found = run(nb, name, cwd) or output_problems(nb, name)
    finally:
        del nb.cells[lesson_cells:]
    return found or problems(nb, name)


def run(nb, name, cwd):
    """Runs every cell of nb in place; returns the problems that stopped the run, if any."""
    _, timeout = declared(nb)
    current = {"index": 0}
    client = NotebookClient(
        nb, kernel_name="java", timeout=timeout, startup_timeout=60, record_timing=False,
        resources={"metadata": {"path": cwd}},
        on_cell_start=lambda cell, cell_index: current.update(index=cell_index))
    try:
        client.execute()
    except CellExecutionError as e:
        return output_problems(nb, name) or [f"{name}, {where(nb, current['index'])}: failed: {e}"]
    except CellTimeoutError:
        return [f"{name}, {where(nb, current['index'])}: still running after {timeout} s "
                f"(metadata descent.timeout)"]
    except Exception as e:  # the kernel did not start, or died
        message = str(e).strip().splitlines()
        return [f"{name}, {where(nb, current['index'])}: {type(e).__name__}: "
                f"{message[-1] if message else ''}"]
    return []


def tidy(nb):
    """Drops what changes on every run although nothing changed: execution timestamps."""
    for cell in nb.cells:
        cell.metadata.pop("execution", None)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check-source", action="store_true",
                        help="also check SOURCE as stored: it must show its outputs")
    parser.add_argument("source")
    parser.add_argument("dest", nargs="?")
    args = parser.parse_args()

    name = os.path.basename(args.source)
    nb = nbformat.read(args.source, as_version=4)
    try:
        declared(nb)
    except ValueError as e:
        print(f"{name}: {e}")
        return 1
    found = []
    if nb.metadata.get("kernelspec", {}).get("name") != "java":
        found.append(f'{name}: metadata kernelspec.name must be "java", '
                     f'got {nb.metadata.get("kernelspec", {}).get("name")!r}')
    if args.check_source:
        found += [f"{p} (in the stored copy: run ./lab run notebooks/{name})"
                  for p in problems(nb, name)]
    found += execute(nb, name, os.path.dirname(os.path.abspath(args.source)))
    for problem in found:
        print(problem)
    if found:
        return 1
    if args.dest:
        tidy(nb)
        nbformat.write(nb, args.dest)
    return 0


if __name__ == "__main__":
    sys.exit(main())
