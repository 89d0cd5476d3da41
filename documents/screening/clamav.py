"""Virus scanning through clamd's INSTREAM command on its Unix socket."""

import socket
import struct
from typing import BinaryIO

from django.utils.translation import gettext_lazy as _

from documents.screening.findings import HOLD, REFUSE, Finding, limit

CHUNK_BYTES = 64 * 1024
_MAX_REPLY = 4096


def screen_virus(file: BinaryIO) -> list[Finding]:
    """Refuse a file clamd finds infected; hold one it could not scan. Nothing when clamd is not
    configured (SECBIO_CLAMD_SOCKET)."""
    path = limit("SECBIO_CLAMD_SOCKET")
    if not path:
        return []
    try:
        reply = _instream(file, path, timeout=limit("SECBIO_CLAMD_TIMEOUT"))
    except OSError as error:
        return [_unscanned({"error": type(error).__name__})]
    if reply.endswith("FOUND"):
        signature = reply.removeprefix("stream:").removesuffix("FOUND").strip()
        message = _(
            "The file contains a virus or other malicious content and cannot be uploaded. "
            "Check your computer with your antivirus software."
        )
        return [Finding("virus", REFUSE, message, detail={"signature": signature})]
    if reply.endswith("OK"):
        return []
    return [_unscanned({"reply": reply[:200]})]


def _unscanned(detail: dict) -> Finding:
    message = _(
        "The file could not be checked for viruses just now. A moderator will check it before "
        "it can be published."
    )
    return Finding("virus", HOLD, message, detail=detail)


def _instream(file: BinaryIO, path: str, *, timeout: float) -> str:
    """clamd's verdict on the file's bytes, such as "stream: OK" or "stream: Eicar FOUND"."""
    file.seek(0)
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
        connection.settimeout(timeout)
        connection.connect(path)
        connection.sendall(b"zINSTREAM\0")
        while chunk := file.read(CHUNK_BYTES):
            connection.sendall(struct.pack(">L", len(chunk)) + chunk)
        connection.sendall(struct.pack(">L", 0))
        reply = b""
        while b"\0" not in reply and len(reply) < _MAX_REPLY:
            received = connection.recv(_MAX_REPLY)
            if not received:
                break
            reply += received
    return reply.split(b"\0", 1)[0].decode("utf-8", "replace").strip()
