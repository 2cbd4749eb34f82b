"""./scripts/report: what staff could not find, and which pages did not help.

Reads the beacon log written by the web server (wardsite_ops.beacon; several
files, rotated and ``.gz`` too) and writes a Japanese HTML report and CSV
files. Modules: ``logread`` (lines from files, bounded), ``events`` (one line
→ one event, hostile lines counted and skipped), ``privacy`` (masking),
``tally`` (the counts), ``vocabulary`` (words the site's search knows),
``output`` (HTML and CSV), ``cli`` (the command).
"""
