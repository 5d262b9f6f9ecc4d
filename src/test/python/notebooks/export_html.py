"""Export the stored Descent lessons to static web pages: one page per notebook and an index.

    python3 export_html.py NOTEBOOK_DIR SITE_DIR

Each page holds its images inline (data URIs), so SITE_DIR can be copied to any web space as it
is. Pages need no JavaScript: the only script left is MathJax, loaded from a CDN to typeset
formulas when the reader is online (without it the TeX source shows). Links between notebooks
point to their pages. Used by ./lab html.
"""

import html
import os
import re
import sys

import nbformat
from jinja2 import DictLoader
from nbconvert import HTMLExporter
from nbconvert.filters import markdown2html

# JupyterLab's page, without require.js (it only serves interactive widgets).
TEMPLATE = """{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
"""
MATHJAX = "https://cdn.jsdelivr.net/npm/mathjax@2.7.9/MathJax.js?config=TeX-AMS_CHTML-full,Safe"
NOTEBOOK_LINK = re.compile(r'href="([^":/?#]+)\.ipynb(#[^"]*)?"')

INDEX = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Descent: the lessons</title>
<style>
body {{ font-family: sans-serif; max-width: 60em; margin: 2em auto; padding: 0 1em; }}
li {{ list-style: none; display: flex; gap: 1.5em; align-items: center; margin: 1.5em 0; }}
img {{ width: 16em; border: 1px solid #ddd; }}
h2 {{ margin: 0 0 .3em 0; font-size: 1.2em; }}
</style></head>
<body><h1>Descent: the lessons</h1>
<p>Gradient descent, its optimizers, schedules and initializers, taught with live Java code.</p>
<ul>
{items}
</ul></body></html>
"""
ITEM = '<li>{thumbnail}<div><h2><a href="{page}">{title}</a></h2>{summary}</div></li>'


def title_and_summary(nb, name):
    """The first markdown heading, and the paragraph after it, rendered as HTML."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        paragraphs = [p.strip() for p in cell.source.split("\n\n") if p.strip()]
        if paragraphs and paragraphs[0].startswith("#"):
            title = paragraphs[0].splitlines()[0].lstrip("#").strip()
            summary = markdown2html(paragraphs[1]) if len(paragraphs) > 1 else ""
            return title, summary
    return name, ""


def thumbnail(nb):
    """The notebook's first PNG, as an inline image."""
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            png = out.get("data", {}).get("image/png")
            if png:
                return f'<img alt="" src="data:image/png;base64,{png.strip()}">'
    return ""


def main(notebook_dir, site_dir):
    exporter = HTMLExporter(extra_loaders=[DictLoader({"descent.html.j2": TEMPLATE})],
                            template_file="descent.html.j2", mathjax_url=MATHJAX,
                            embed_images=True)
    os.makedirs(site_dir, exist_ok=True)
    for stale in os.listdir(site_dir):
        if stale.endswith(".html"):
            os.remove(os.path.join(site_dir, stale))
    items = []
    for file in sorted(f for f in os.listdir(notebook_dir) if f.endswith(".ipynb")):
        name = file[:-len(".ipynb")]
        nb = nbformat.read(os.path.join(notebook_dir, file), as_version=4)
        title, summary = title_and_summary(nb, name)
        body, _ = exporter.from_notebook_node(
            nb, resources={"metadata": {"name": title, "path": notebook_dir}})
        with open(os.path.join(site_dir, name + ".html"), "w", encoding="utf-8") as page:
            page.write(NOTEBOOK_LINK.sub(r'href="\1.html\2"', body))
        items.append(ITEM.format(thumbnail=thumbnail(nb), page=html.escape(name + ".html"),
                                 title=html.escape(title), summary=summary))
        print(f"{name}.html  {title}")
    with open(os.path.join(site_dir, "index.html"), "w", encoding="utf-8") as index:
        text = INDEX.format(items="\n".join(items))
        index.write(NOTEBOOK_LINK.sub(r'href="\1.html\2"', text))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
