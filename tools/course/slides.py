"""Turn Descent's lessons into reveal.js decks that work offline.

    python3 slides.py REVEAL_DIR OUT_DIR NOTEBOOK...

A deck is nbconvert's slides export of the stored lesson, with its slide structure derived here,
at export time, from the lesson's own structure (LectureSlides below). The lessons carry no slide
metadata, so a deck cannot drift from its lesson: edit the lesson, export again, and the deck
follows. OUT_DIR receives one NAME.slides.html per lesson, reveal.js (copied from REVEAL_DIR, the
npm package) and MathJax (copied from the machine); no request leaves a deck. Used by ./lab slides.
"""

import os
import re
import shutil
import sys

import nbformat
from jinja2 import DictLoader
from nbconvert import SlidesExporter
from nbconvert.preprocessors import Preprocessor

import offline

HEADING = re.compile(r"^#{1,6} ")
FENCE = re.compile(r"^(```|~~~)", re.MULTILINE)
IMPORTS_ONLY = re.compile(r"(\s*(import\s[^;]+;|//[^\n]*))*\s*")
SLIDE_CHARS = 700   # prose longer than this continues on a next slide, at a paragraph break

REVEAL = "reveal.js"   # reveal.js's folder in OUT_DIR
REVEAL_THEME = "white"   # its fonts come with it; some other themes load theirs from the web
REVEAL_PARTS = ["dist/reveal.css", "dist/reveal.js", f"dist/theme/{REVEAL_THEME}.css",
                "dist/theme/fonts/source-sans-pro", "plugin/notes/notes.js"]

TEMPLATE = "{%- extends 'reveal/index.html.j2' -%}" + offline.OFFLINE_BLOCKS + """
{%- block html_head_js_jquery -%}{%- endblock html_head_js_jquery -%}
{% block html_head_css %}
<style>
.reveal .slides { text-align: left; }
:root { --jp-code-font-size: 14px; }
.reveal .jp-InputPrompt, .reveal .jp-OutputPrompt { display: none; }
.reveal .jp-InputArea pre { white-space: pre-wrap; }
.reveal .jp-RenderedImage img { max-height: 520px; }
</style>
{% endblock html_head_css %}
{% block footer_js %}
<script src="{{ reveal_url_prefix }}/dist/reveal.js"></script>
<script src="{{ reveal_url_prefix }}/plugin/notes/notes.js"></script>
<script>
Reveal.initialize({ controls: true, progress: true, hash: true, slideNumber: true,
                    transition: "{{ reveal_transition }}", plugins: [RevealNotes] });
Reveal.on("slidechanged", event => MathJax.Hub.Queue(["Rerender", MathJax.Hub, event.currentSlide]));
</script>
{% endblock footer_js %}
"""


def slide_type(cell):
    return cell.metadata.get("slideshow", {}).get("slide_type", "-")


def marked(cell, kind):
    cell.metadata["slideshow"] = {"slide_type": kind}
    return cell


def attachments(cell):
    return {"attachments": cell.attachments} if "attachments" in cell else {}


def has_image(cell):
    return any(key.startswith("image/") for out in cell.get("outputs", [])
               for key in out.get("data", {}))


def prose_slides(source):
    """Markdown split into slides: after the lesson's title and first paragraph (the title slide),
    at each heading, and where prose grows past SLIDE_CHARS; never inside fenced code."""
    slides, current, in_fence = [], [], False
    for paragraph in re.split(r"\n\s*\n", source.strip()):
        title_slide = len(current) == 2 and current[0].startswith("# ")
        too_long = sum(map(len, current)) + len(paragraph) > SLIDE_CHARS
        if current and not in_fence and (title_slide or HEADING.match(paragraph) or too_long):
            slides.append(current)
            current = []
        current.append(paragraph)
        in_fence ^= len(FENCE.findall(paragraph)) % 2 == 1
    return [text for text in ("\n\n".join(slide) for slide in slides + [current]) if text]


class LectureSlides(Preprocessor):
    """Gives a lesson the slide structure of a lecture.

    - The lesson's title and its first paragraph make the title slide; then prose opens a slide
      at each heading and every SLIDE_CHARS or so, at a paragraph break.
    - A code cell that draws a chart opens a slide of its own: the code and its chart.
    - Other code appears as a fragment under the prose it follows (the next key press shows it).
    - Cells of nothing but imports are left out.

    Cells that already carry slide metadata keep it.
    """

    def preprocess(self, nb, resources):
        cells = []
        for cell in nb.cells:
            if slide_type(cell) != "-":
                cells.append(cell)
            elif cell.cell_type == "markdown":
                cells += [marked(nbformat.v4.new_markdown_cell(text, **attachments(cell)), "slide")
                          for text in prose_slides(cell.source)]
            elif cell.cell_type == "code" and IMPORTS_ONLY.fullmatch(cell.source):
                cells.append(marked(cell, "skip"))
            elif cell.cell_type == "code":
                cells.append(marked(cell, "slide" if has_image(cell) else "fragment"))
            else:
                cells.append(cell)
        nb.cells = cells
        return nb, resources


def copy_reveal(reveal_dir, out_dir):
    for part in REVEAL_PARTS:
        origin, copy = os.path.join(reveal_dir, part), os.path.join(out_dir, REVEAL, part)
        os.makedirs(os.path.dirname(copy), exist_ok=True)
        if os.path.isdir(origin):
            shutil.copytree(origin, copy, dirs_exist_ok=True)
        else:
            shutil.copyfile(origin, copy)


def main(reveal_dir, out_dir, notebooks):
    if not os.path.isfile(os.path.join(reveal_dir, "dist", "reveal.js")):
        sys.exit(f"no reveal.js in {reveal_dir}: install it with npm (./lab slides does)")
    os.makedirs(out_dir, exist_ok=True)
    copy_reveal(reveal_dir, out_dir)
    mathjax = offline.copy_mathjax(out_dir)
    exporter = SlidesExporter(config=offline.exporter_config(),
                              extra_loaders=[DictLoader({"descent.slides.j2": TEMPLATE})],
                              template_file="descent.slides.j2", mathjax_url=mathjax,
                              reveal_url_prefix=REVEAL, reveal_theme=REVEAL_THEME,
                              embed_images=True)
    for path in notebooks:
        name = os.path.basename(path)[:-len(".ipynb")]
        nb, _ = LectureSlides().preprocess(nbformat.read(path, as_version=4), {})
        deck, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": name}})
        with open(os.path.join(out_dir, name + ".slides.html"), "w", encoding="utf-8") as file:
            file.write(offline.NOTEBOOK_LINK.sub(r'href="\1.slides.html\2"', deck))
        print(f"{name}.slides.html")


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
