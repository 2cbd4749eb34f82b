"""Recorded training sessions: metadata → validation → captions → pages.

One job per module, data flowing one way:

- ``model``     the Session dataclass, tracks, levels and time formatting
- ``captions``  WebVTT / SRT / Teams transcript → clean WebVTT cues
- ``media``     ffprobe / ffmpeg wrappers (probe, convert, poster)
- ``paths``     every path a session file names stays inside its folder
- ``sessionfile`` the fields of one ``sessions/*.yml`` (typed, pydantic)
- ``metadata``  ``sessions/*.yml`` → validated Sessions plus collected errors
- ``render``    Sessions → page Markdown and transcript search documents

The trainers' publish command and the sample generator are tools, not the
build: ``wardsite_ops.sessions``. Nothing here imports MkDocs.
"""
