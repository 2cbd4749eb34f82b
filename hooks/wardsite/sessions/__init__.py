"""Recorded training sessions: metadata → validation → captions → pages; publish command.

One job per module, data flowing one way:

- ``model``     the Session dataclass, tracks, levels and time formatting
- ``captions``  WebVTT / SRT / Teams transcript → clean WebVTT cues
- ``media``     ffprobe / ffmpeg wrappers (probe, convert, poster)
- ``metadata``  ``sessions/*.yml`` → validated Sessions plus collected errors
- ``render``    Sessions → page Markdown and transcript search documents
- ``publish``   the trainers' one command (``python -m wardsite.sessions.publish``)
- ``samples``   generates the tiny sample recordings in ``media/samples/``

Nothing here imports MkDocs.
"""
