"""Japanese/English site search: text analysis and the prebuilt index.

Data flows one way:

    normalize (characters) → segment (SudachiPy words, bigrams, lexicon)
    → synonyms (data/search/synonyms.yml) / paraphrases (data/search/paraphrases.yml,
      one way: everyday expression → site words) / stopwords
    / readings (data/search/kanji-readings.tsv: the sounds that wrong kanji conversions share)
    → index (lunr + query data) → shards (the small files the browser fetches per query)
    noresult: search/<lang>/help.json (suggestion words, top-task pages, helpdesk)

``query`` is the Python twin of ``overrides/assets/javascripts/search/analysis.js``:
both turn a typed query into the same lunr clauses, which the shared vectors in
``data/search/test-vectors.json`` prove (``python -m support.searchvectors``
rewrites them). Nothing here imports MkDocs.

Entry points for a build hook::

    groups = synonyms.load_synonyms(Path("data/search/synonyms.yml"))
    docs = index.docs_from_material(search_index["docs"])   # or SearchDoc(...)
    extra = paraphrases.load_paraphrases(Path("data/search/paraphrases.yml"))
    bundle = index.build_index(docs, lang="ja", synonyms=groups, paraphrases=extra)
    shards.write_shards(bundle, site_dir / "search" / "ja")
"""
