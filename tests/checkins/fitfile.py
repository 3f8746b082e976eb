"""A minimal FIT writer for the tests: file_id, session, lap and record messages, with the
header and file CRCs of the FIT protocol. Written from the protocol description, independent of
fitdecode (the reader under test), so a mistake in one is caught by the other."""

from __future__ import annotations

import struct
from datetime import UTC, datetime

FIT_EPOCH = datetime(1989, 12, 31, tzinfo=UTC)
_CRC = (0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
        0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400)
# base types: (code, struct format)
ENUM, UINT16, UINT32 = (0x00, "B"), (0x84, "H"), (0x86, "I")
SPORTS = {"running": 1, "cycling": 2, "walking": 11}
FILE_TYPES = {"activity": 4, "course": 6}


def crc16(data: bytes, crc: int = 0) -> int:
    for byte in data:
        tmp = _CRC[crc & 0xF]
        crc = (crc >> 4) & 0x0FFF
        crc = crc ^ tmp ^ _CRC[byte & 0xF]
        tmp = _CRC[crc & 0xF]
        crc = (crc >> 4) & 0x0FFF
        crc = crc ^ tmp ^ _CRC[(byte >> 4) & 0xF]
    return crc


def fit_time(moment: datetime) -> int:
    return int((moment - FIT_EPOCH).total_seconds())


class FitWriter:
    def __init__(self) -> None:
        self.body = bytearray()
        self.local = 0

    def message(self, global_number: int, fields: list[tuple[int, tuple[int, str], int]]) -> None:
        """One definition (local type 0..15) and one data message: fields are (number, base type, value)."""
        local = self.local % 16
        self.local += 1
        self.body += bytes([0x40 | local, 0, 0]) + struct.pack("<HB", global_number, len(fields))
        for number, (code, fmt), _ in fields:
            self.body += bytes([number, struct.calcsize(fmt), code])
        self.body += bytes([local])
        for _, (_, fmt), value in fields:
            self.body += struct.pack("<" + fmt, value)

    def file_id(self, created: datetime, file_type: str = "activity") -> None:
        self.message(0, [(0, ENUM, FILE_TYPES[file_type]), (1, UINT16, 1), (4, UINT32, fit_time(created))])

    def session(self, start: datetime, metres: float, seconds: float, sport: str = "running") -> None:
        self.message(18, [(253, UINT32, fit_time(start) + int(seconds)), (2, UINT32, fit_time(start)),
                          (7, UINT32, int(seconds * 1000)), (9, UINT32, int(metres * 100)), (5, ENUM, SPORTS[sport])])

    def record(self, moment: datetime, metres: float) -> None:
        self.message(20, [(253, UINT32, fit_time(moment)), (5, UINT32, int(metres * 100))])

    def bytes(self) -> bytes:
        header = struct.pack("<BBHI4s", 14, 0x20, 2132, len(self.body), b".FIT")
        header += struct.pack("<H", crc16(header))
        data = header + bytes(self.body)
        return data + struct.pack("<H", crc16(data))
