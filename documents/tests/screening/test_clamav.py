"""Virus scanning with clamd's INSTREAM protocol: a virus is refused, an unreachable or failing
clamd holds the upload, and nothing is scanned when clamd is not configured."""

import socket
import struct
import tempfile
import threading
from pathlib import Path

import pytest

from documents.tests.screening.samples import checks, pdf_bytes, screen


class FakeClamd:
    """A clamd that records the stream it receives and answers `reply`."""

    def __init__(self, path: Path, reply: bytes):
        self.reply = reply
        self.command = b""
        self.received = b""
        self.server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.server.bind(str(path))
        self.server.listen(1)
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _read(self, connection, size: int) -> bytes:
        data = b""
        while len(data) < size:
            chunk = connection.recv(size - len(data))
            if not chunk:
                raise ConnectionError("closed")
            data += chunk
        return data

    def _serve(self):
        connection, _address = self.server.accept()
        with connection:
            self.command = self._read(connection, len(b"zINSTREAM\0"))
            while length := struct.unpack(">L", self._read(connection, 4))[0]:
                self.received += self._read(connection, length)
            connection.sendall(self.reply)

    def close(self):
        self.thread.join(timeout=5)
        self.server.close()


@pytest.fixture
def socket_dir():
    # A short path: Unix socket paths are limited to about 100 characters.
    with tempfile.TemporaryDirectory(prefix="clamd", dir="/tmp") as directory:
        yield Path(directory)


@pytest.fixture
def clamd(settings, socket_dir):
    servers = []

    def start(reply: bytes) -> FakeClamd:
        settings.SECBIO_CLAMD_SOCKET = str(socket_dir / "clamd.sock")
        server = FakeClamd(socket_dir / "clamd.sock", reply)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.close()


def test_a_clean_file_is_streamed_whole_and_passes(clamd):
    server = clamd(b"stream: OK\0")
    data = pdf_bytes(pages=40)

    result = screen("report.pdf", data)

    server.close()
    assert result.passed
    assert server.command == b"zINSTREAM\0"
    assert server.received == data


def test_an_infected_file_is_refused_with_the_signature(clamd):
    clamd(b"stream: Eicar-Test-Signature FOUND\0")

    result = screen("report.pdf", pdf_bytes())

    assert checks(result) == [("virus", "refuse")]
    assert result.findings[0].detail == {"signature": "Eicar-Test-Signature"}


def test_a_clamd_error_holds_the_file(clamd):
    clamd(b"INSTREAM size limit exceeded. ERROR\0")

    assert checks(screen("report.pdf", pdf_bytes())) == [("virus", "hold")]


def test_an_unreachable_clamd_holds_the_file(settings, socket_dir):
    settings.SECBIO_CLAMD_SOCKET = str(socket_dir / "missing.sock")

    result = screen("report.pdf", pdf_bytes())

    assert checks(result) == [("virus", "hold")]
    assert result.findings[0].detail == {"error": "FileNotFoundError"}


def test_nothing_is_scanned_when_clamd_is_not_configured(settings):
    settings.SECBIO_CLAMD_SOCKET = None

    assert screen("report.pdf", pdf_bytes()).passed


def test_a_refused_file_is_not_sent_to_clamd(settings, socket_dir):
    settings.SECBIO_CLAMD_SOCKET = str(socket_dir / "missing.sock")

    assert checks(screen("report.pdf", b"<html><body>x</body></html>")) == [
        ("type_mismatch", "refuse")
    ]
