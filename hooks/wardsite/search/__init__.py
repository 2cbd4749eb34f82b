"""Japanese/English site search: text analysis and the prebuilt index.

Data flows one way:

    normalize (characters) → segment (SudachiPy words, bigrams, lexicon)
    → synonyms (data/search/synonyms.yml) / stopwords → index (lunr + query data)
    → shards (the small files the browser fetches per query)

``query`` is the Python twin of ``overrides/assets/javascripts/search/analysis.js``:
both turn a typed query into the same lunr clauses, which the shared vectors in
``data/search/test-vectors.json`` prove (``python -m wardsite.search.vectors``
rewrites them). Nothing here imports MkDocs.

Entry points for a build hook::

    groups = synonyms.load_synonyms(Path("data/search/synonyms.yml"))
    docs = index.docs_from_material(search_index["docs"])   # or SearchDoc(...)
    bundle = index.build_index(docs, lang="ja", synonyms=groups)
    shards.write_shards(bundle, site_dir / "search" / "ja")
"""
