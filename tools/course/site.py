"""Export the stored Descent lessons to a static course site: one page per lesson and an index.

    python3 site.py NOTEBOOK_DIR SITE_DIR

Everything a page needs is in SITE_DIR: images inline (data URIs, animated GIFs included), and
MathJax copied from the machine (offline.py) to typeset the formulas of the pages and of the
index. SITE_DIR works from file:// and from any static web space, and no request leaves it.
An output's own HTML (a table, an interactive explorer with its inline script) is kept as it is.
Links between lessons point to their pages. Used by ./lab html.
"""

import html
import os
import sys

import nbformat
from jinja2 import DictLoader
from nbconvert import HTMLExporter
from nbconvert.filters import markdown2html

import offline

TEMPLATE = "{%- extends 'lab/index.html.j2' -%}" + offline.OFFLINE_BLOCKS

INDEX = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Descent: the lessons</title>
<style>
body {{ font-family: sans-serif; max-width: 60em; margin: 2em auto; padding: 0 1em; }}
li {{ list-style: none; display: flex; gap: 1.5em; align-items: center; margin: 1.5em 0; }}
img {{ width: 16em; border: 1px solid #ddd; }}
h2 {{ margin: 0 0 .3em 0; font-size: 1.2em; }}
</style>
<script type="text/x-mathjax-config">
MathJax.Hub.Config({{ tex2jax: {{ inlineMath: [["$", "$"], ["\\\\(", "\\\\)"]], processEscapes: true }} }});
</script>
<script src="{mathjax}"></script>
</head>
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
    os.makedirs(site_dir, exist_ok=True)
    mathjax = offline.copy_mathjax(site_dir)
    exporter = HTMLExporter(config=offline.exporter_config(),
                            extra_loaders=[DictLoader({"descent.html.j2": TEMPLATE})],
                            template_file="descent.html.j2", mathjax_url=mathjax,
                            embed_images=True)
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
            page.write(offline.NOTEBOOK_LINK.sub(r'href="\1.html\2"', body))
        items.append(ITEM.format(thumbnail=thumbnail(nb), page=html.escape(name + ".html"),
                                 title=html.escape(title), summary=summary))
        print(f"{name}.html  {title}")
    with open(os.path.join(site_dir, "index.html"), "w", encoding="utf-8") as index:
        text = INDEX.format(mathjax=mathjax, items="\n".join(items))
        index.write(offline.NOTEBOOK_LINK.sub(r'href="\1.html\2"', text))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
