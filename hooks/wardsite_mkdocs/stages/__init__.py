"""The stages of the build, one module per capability (order: ``wardsite_mkdocs.pipeline``).

Each stage is thin MkDocs glue around the plain modules of ``wardsite``;
the state a stage keeps between events is on its own object.
"""
