"""Japanese/English site search: text analysis and the prebuilt index.

Data flows one way:

    normalize (characters) → segment (words, n-grams) → synonyms / stopwords
    → index (lunr index + the data the browser's query analysis needs)

``query`` is the Python twin of ``overrides/assets/javascripts/search/analysis.js``:
both turn a typed query into the same lunr clauses, which the shared vectors in
``data/search/test-vectors.json`` prove. Nothing here imports MkDocs.
"""
