"""What the course site and the slides share to work without the network.

MathJax comes from the machine (Debian's libjs-mathjax, installed with jupyter-notebook) and is
copied next to the pages, so a page typesets its formulas from file:// and from any static host.
Animated GIFs are shown as images (nbconvert would print "GIF image, N bytes"), and an output's
own HTML, such as an interactive explorer with its inline script, is kept as it is.
"""

import os
import re
import shutil

from traitlets.config import Config

NOTEBOOK_LINK = re.compile(r'href="([^":/?#]+)\.ipynb(#[^"]*)?"')   # a link to another lesson
MATHJAX_SOURCES = ["/usr/share/javascript/mathjax", "/usr/share/mathjax"]

# MathJax 2 needs only these parts for TeX in CommonHTML output, about 1.5 MB of its 54 MB.
MATHJAX_PARTS = ["MathJax.js", "config/TeX-AMS_CHTML-full.js", "config/Safe.js", "extensions",
                 "jax/input/TeX", "jax/element", "jax/output/CommonHTML", "fonts/HTML-CSS/TeX/woff"]
MATHJAX_CONFIG = "TeX-AMS_CHTML-full,Safe"

# nbconvert's order with image/gif before text/plain, so a GIF output shows as the image.
DISPLAY_PRIORITY = ["text/html", "application/pdf", "text/latex", "image/svg+xml", "image/png",
                    "image/gif", "image/jpeg", "text/markdown", "text/plain"]

# Template blocks for both exporters: no require.js (it only serves widgets, and from a CDN), and
# the GIF as an inline image.
OFFLINE_BLOCKS = """
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{% block data_other scoped %}
{%- if 'image/gif' in output.data -%}
<div class="jp-RenderedImage jp-OutputArea-output {{ extra_class }}">
<img alt="" src="data:image/gif;base64,{{ output.data['image/gif'] | replace('\\n', '') | escape_html }}">
</div>
{%- endif -%}
{% endblock data_other %}
"""


def mathjax_source():
    """The directory of the machine's MathJax 2, or an error that says how to install it."""
    for source in MATHJAX_SOURCES:
        if os.path.isfile(os.path.join(source, "MathJax.js")):
            return source
    raise SystemExit("MathJax is missing (looked in " + ", ".join(MATHJAX_SOURCES) + "). "
                     "Install it: sudo apt-get install libjs-mathjax")


def copy_mathjax(out_dir):
    """Copies MathJax into out_dir/mathjax; returns the script URL relative to out_dir."""
    source, target = mathjax_source(), os.path.join(out_dir, "mathjax")
    for part in MATHJAX_PARTS:
        origin, copy = os.path.join(source, part), os.path.join(target, part)
        os.makedirs(os.path.dirname(copy), exist_ok=True)
        if os.path.isdir(origin):
            shutil.copytree(origin, copy, dirs_exist_ok=True)   # follows Debian's symlinks
        else:
            shutil.copyfile(origin, copy)
    return "mathjax/MathJax.js?config=" + MATHJAX_CONFIG


def exporter_config():
    """nbconvert configuration shared by the site and the slides."""
    config = Config()
    config.NbConvertBase.display_data_priority = DISPLAY_PRIORITY
    return config
