"""Write ``data/search/english-irregular.tsv``: irregular English verb forms.

    .venv/bin/python -m wardsite_ops.english_irregular [--wordnet /usr/share/wordnet] [--out FILE]

English pages say "If you lose a PC"; staff type "lost my phone". The search
indexes English words under their Snowball stem (english.py), which joins
regular forms (transferred → transfer) but not irregular ones (lost, sent,
forgot, froze). WordNet's exception list of verbs (``verb.exc``, installed by
Debian's ``wordnet-base``) names each irregular form with its base form; only
the pairs the stemmer does not already join are kept, so the table stays
small. The build reads only the TSV file (``hooks/wardsite/search/english.py``),
and a test checks that it is what this tool writes from the installed WordNet.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from wardsite.search.english import english_stem
from wardsite_ops.datatable import write_table

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "data" / "search" / "english-irregular.tsv"
WORDNET = Path("/usr/share/wordnet")

HEADER = """\
# Irregular English verb forms and their base form: form<TAB>base. Written by
# `python -m wardsite_ops.english_irregular` from WordNet's verb.exc; do not edit by hand.
# Only the pairs the Snowball stemmer does not join are kept. WordNet's license:
#
# This software and database is being provided to you, the LICENSEE, by
# Princeton University under the following license.  By obtaining, using
# and/or copying this software and database, you agree that you have
# read, understood, and will comply with these terms and conditions.:
#
# Permission to use, copy, modify and distribute this software and
# database and its documentation for any purpose and without fee or
# royalty is hereby granted, provided that you agree to comply with
# the following copyright notice and statements, including the disclaimer,
# and that the same appear on ALL copies of the software, database and
# documentation, including modifications that you make for internal
# use or for distribution.
#
# WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved.
#
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON
# UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR
# IMPLIED.  BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON
# UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANT-
# ABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE
# OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT
# INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR
# OTHER RIGHTS.
#
# The name of Princeton University or Princeton may not be used in
# advertising or publicity pertaining to distribution of the software
# and/or database.  Title to copyright in this software, database and
# any associated documentation shall at all times remain with
# Princeton University and LICENSEE agrees to preserve same.
"""


def irregular_pairs(folder: Path = WORDNET) -> list[tuple[str, str]]:
    """(form, base) for the verb forms the stemmer leaves apart from their base."""
    path = folder / "verb.exc"
    if not path.is_file():
        raise SystemExit(
            f"{path} がありません。Debian の wordnet-base パッケージを入れるか、"
            "--wordnet で verb.exc があるフォルダーを指定してください。"
        )
    pairs: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        words = line.split()
        if len(words) < 2 or not all(word.isascii() and word.isalpha() for word in words[:2]):
            continue
        form, base = words[0], words[1]  # a form with two bases: the first
        if english_stem(form) != english_stem(base):
            pairs.setdefault(form, base)
    return sorted(pairs.items())


def render(pairs: list[tuple[str, str]]) -> str:
    return HEADER + "".join(f"{form}\t{base}\n" for form, base in pairs)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wordnet", type=Path, default=WORDNET)
    parser.add_argument("--out", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    text = render(irregular_pairs(args.wordnet))
    write_table(args.out, text, HEADER, "forms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
