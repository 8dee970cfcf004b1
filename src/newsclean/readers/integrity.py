"""Is a compressed input intact?  A verifying pass before any of its records is trusted.

A flipped byte inside a deflate stream does not always stop the decoder: its back-references
turn it into plausible text -- altered lines, lines copied twice -- and gzip's CRC says so
only at the end of the member, after its records were read.  So a gzip or zstd file is
decompressed once (output discarded, about 1% of what cleaning costs) and every gzip
member's CRC and length and every zstd frame's checksum checked, before the real read:

- a damaged member or frame (bad checksum, corrupt data): nothing of it is read, nor of
  what follows; the read stops where it starts and says where and why;
- a stream cut short: the data before the cut decodes exactly (the cut only removes the
  end), so it is read, and the read ends saying where the stream stopped.

A zstd frame without a checksum (zstd's command line writes one by default, the Python
bindings do not) cannot be verified beyond decoding without error.
"""

from __future__ import annotations

import io
import zlib
from dataclasses import dataclass
from typing import Any, BinaryIO

import zstandard

try:  # ISA-L's inflate: the same bytes as zlib's, in about half the CPU
    from isal import isal_zlib as _fast_zlib
except ImportError:  # pragma: no cover - isal is a dependency; a broken install still works
    _fast_zlib = None  # type: ignore[assignment]

GZIP_MAGIC = b"\x1f\x8b"
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
_CHUNK = 1 << 20


class DamagedInput(OSError):
    """A compressed input that is damaged or cut short, with where."""


@dataclass(frozen=True, slots=True)
class StreamCheck:
    kind: str  # "gzip" or "zstd"
    intact: int  # decompressed bytes that can be trusted (all of them when error is None)
    error: str | None = None  # what is wrong with the rest, and where
    # compressed bytes (from the stream's start) that hold the trusted part: a damaged
    # member or frame starts here, so a decoder fed only these never meets it
    compressed_end: int = -1


def compression_of(head: bytes) -> str | None:
    if head.startswith(GZIP_MAGIC):
        return "gzip"
    if head.startswith(ZSTD_MAGIC):
        return "zstd"
    return None


def check_stream(raw: BinaryIO, kind: str) -> StreamCheck:
    """Decompress `raw` (positioned at its start) to its end, checking every checksum."""
    if kind != "gzip":
        return _check_zstd(raw)
    if _fast_zlib is None or not raw.seekable():
        return _check_gzip(raw, zlib)
    start = raw.tell()
    check = _check_gzip(raw, _fast_zlib)
    if check.error is None:
        return check
    # damaged or cut: zlib checks it again, so what is read and what is said about the
    # damage (its messages, where it stops) are zlib's, as they always were
    raw.seek(start)
    return _check_gzip(raw, zlib)


def _inflater(lib: Any = zlib) -> Any:
    """A gzip-member decompressor (zlib's API) from `lib`: zlib or ISA-L's isal_zlib."""
    return lib.decompressobj(zlib.MAX_WBITS | 16)


def _check_gzip(raw: BinaryIO, lib: Any) -> StreamCheck:
    verified = 0  # decompressed bytes of the members whose CRC matched
    member, start, pos = 1, 0, 0  # member number, its first byte, bytes read so far
    errors = (zlib.error,) if lib is zlib else (zlib.error, lib.error)
    d = _inflater(lib)
    out = 0  # decompressed bytes of this member so far
    fresh = True  # no byte of this member seen yet
    tail = b""  # the stream's last bytes
    while True:
        chunk = raw.read(_CHUNK)
        if not chunk:
            break
        tail = (tail + chunk)[-8:]
        data = chunk
        base = pos
        pos += len(chunk)
        while data:
            if fresh:
                if member > 1:
                    data = data.lstrip(b"\x00")  # zero padding after a member, as gzip allows
                    if not data:
                        break
                start = base + len(chunk) - len(data)
                if not data.startswith(GZIP_MAGIC[: len(data)]):
                    return StreamCheck("gzip", verified, (
                        f"damaged gzip data: what follows member {member - 1} at byte "
                        f"{start} is not a gzip member"
                    ), start)
                fresh = False
            try:
                got = d.decompress(data, _CHUNK)
            except errors as e:
                return StreamCheck("gzip", verified, (
                    f"damaged gzip data in member {member} (from byte {start}; {_reason(e)}): "
                    "none of it is read, it could hold altered text"
                ), start)
            out += len(got)
            if d.eof:
                verified += out
                data = d.unused_data
                member += 1
                out = 0
                fresh = True
                d = _inflater(lib)
                continue
            data = d.unconsumed_tail
    if not fresh:
        if _looks_complete(tail, out):
            # not cut: a damaged member whose decoding ran to the end of the file
            return StreamCheck("gzip", verified, (
                f"damaged gzip data in member {member} (from byte {start}; it does not end "
                "where its own size says): none of it is read, it could hold altered text"
            ), start)
        return StreamCheck("gzip", verified + out, (
            f"the gzip stream is cut short: it ends at byte {pos}, inside member {member} "
            f"(from byte {start}), without its end marker"
        ), pos)
    return StreamCheck("gzip", verified, None, pos)


def _looks_complete(tail: bytes, out: int) -> bool:
    """Whether a member that never reached its end marker still ends in its own trailer.

    A cut stream decodes exactly up to the cut; but a flipped bit in the last block can
    also make the decoder run to the end of the file without finding the end marker, its
    output altered from the flip on.  Only the second ends with the 8-byte trailer, whose
    last 4 bytes are the member's size: when they give about what was decoded, the member
    is taken as damaged, not cut (a cut leaves random bytes there: a false alarm about once
    in 2**32 / out)."""
    if len(tail) < 8:
        return False
    isize = int.from_bytes(tail[-4:], "little")
    return out // 2 <= isize <= 2 * out + 64


def _reason(e: Exception) -> str:
    msg = str(e)
    if "incorrect data check" in msg:
        return "CRC check failed"
    if "incorrect length check" in msg:
        return "length check failed"
    return msg.split(": ", 1)[-1]


def _check_zstd(raw: BinaryIO) -> StreamCheck:
    verified = 0
    frame, start, pos = 1, 0, 0
    d = zstandard.ZstdDecompressor().decompressobj()
    out = 0
    fresh = True
    while True:
        chunk = raw.read(_CHUNK)
        if not chunk:
            break
        data = chunk
        base = pos
        pos += len(chunk)
        while data:
            if fresh:
                fresh = False
                start = base + len(chunk) - len(data)
            try:
                got = d.decompress(data)
            except zstandard.ZstdError as e:
                msg = str(e).removeprefix("zstd decompressor error: ")
                return StreamCheck("zstd", verified, (
                    f"damaged zstd data in frame {frame} (from byte {start}; {msg}): "
                    "none of it is read, it could hold altered text"
                ), start)
            out += len(got)
            if not d.eof:
                break
            verified += out
            data = d.unused_data
            frame += 1
            out = 0
            fresh = True
            d = zstandard.ZstdDecompressor().decompressobj()
    if not fresh:
        return StreamCheck("zstd", verified + out, (
            f"the zstd stream is cut short: it ends at byte {pos}, inside frame {frame} "
            f"(from byte {start}), without its end"
        ), pos)
    return StreamCheck("zstd", verified, None, pos)


class _Reader(io.RawIOBase):
    """A readable raw stream over another stream, which it closes when it is closed."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        try:
            self._stream.close()
        finally:
            super().close()


class _Limited(_Reader):
    """The first `limit` bytes of a stream, then its end."""

    def __init__(self, stream: BinaryIO, limit: int) -> None:
        super().__init__(stream)
        self._left = limit

    def readinto(self, b) -> int:  # type: ignore[no-untyped-def]
        n = min(len(b), self._left)
        if n <= 0:
            return 0
        data = self._stream.read(n)
        b[: len(data)] = data
        self._left -= len(data)
        return len(data)


class GzipDecoder(_Reader):
    """gzip members decompressed one after the other, output in bounded pieces.

    Unlike gzip.GzipFile it does not raise at a stream cut short: it ends there, and the
    check made before says what is missing (GzipFile's error threw away the data decoded
    just before the cut).  A damaged member is never fed to it (see compressed_prefix)."""

    def __init__(self, raw: BinaryIO, fast: bool = False) -> None:
        """fast: decode with ISA-L (when installed), for a stream checked intact -- the same
        bytes, in half the time; a damaged or cut one is decoded by zlib, as it was checked."""
        super().__init__(raw)
        self._lib = _fast_zlib if fast and _fast_zlib is not None else zlib
        self._d = _inflater(self._lib)
        self._in = b""  # compressed bytes not yet given to the decoder
        self._fresh = True  # at a member's start

    def readinto(self, b) -> int:  # type: ignore[no-untyped-def]
        while True:
            if not self._in:
                self._in = self._stream.read(_CHUNK // 4)
                if not self._in:
                    return 0
            if self._fresh:
                self._in = self._in.lstrip(b"\x00")  # padding between members
                if not self._in:
                    continue
                self._fresh = False
            out = self._d.decompress(self._in, len(b))
            if self._d.eof:
                self._in = self._d.unused_data
                self._d = _inflater(self._lib)
                self._fresh = True
            else:
                self._in = self._d.unconsumed_tail
            if out:
                b[: len(out)] = out
                return len(out)


def compressed_prefix(raw: BinaryIO, check: StreamCheck) -> BinaryIO:
    """The compressed bytes that hold the trusted part (raw positioned at the start)."""
    if check.error is None:
        return raw
    return io.BufferedReader(_Limited(raw, check.compressed_end))  # type: ignore[return-value]


class _Trusted(_Reader):
    """The decompressed stream up to its trusted end; a read past it raises DamagedInput.

    Its decoder is fed only the compressed bytes that hold the trusted part, so it never
    meets the damage; at a stream cut short it ends early, which reads as the cut."""

    def __init__(self, stream: BinaryIO, check: StreamCheck) -> None:
        super().__init__(stream)
        self._left = check.intact
        self._error = check.error or "the compressed stream ended early"

    def readinto(self, b) -> int:  # type: ignore[no-untyped-def]
        if not len(b):
            return 0
        if self._left <= 0:
            raise DamagedInput(self._error)
        n = min(len(b), self._left)
        data = self._stream.read(n)
        if not data:
            self._left = 0
            raise DamagedInput(self._error)
        b[: len(data)] = data
        self._left -= len(data)
        return len(data)


def trusted(stream: BinaryIO, check: StreamCheck) -> BinaryIO:
    """`stream` (decompressed) cut to what `check` found intact."""
    if check.error is None:
        return stream
    return io.BufferedReader(_Trusted(stream, check))  # type: ignore[return-value]
