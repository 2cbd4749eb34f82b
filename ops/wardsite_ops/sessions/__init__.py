"""The trainers' tools for recorded sessions (not part of the site build).

- ``publish``     the one command (``./scripts/publish-session``): recording +
  captions → ``media/sessions/`` and the ``recording:`` block of ``sessions/*.yml``
- ``remote``      the same from the browser (``publish-session.yml`` workflow)
- ``interrupts``  Ctrl+C / SIGTERM leave the repository as it was
- ``cli``         argparse in Japanese
- ``samples``     generates the tiny sample recordings in ``media/samples/``

They use the build's own checks (``wardsite.sessions``), so a published file is
exactly what the build accepts.
"""
