"""Files in veu's own formats (a registry file, FollowTheMoney entities) are UTF-8: a byte that
is not is named with its line, and nothing is read; a list file may still be Windows-1252."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from veu.errors import InvalidInput
from veu.ingest import ftm, registry
from veu.ingest.common import read_text, read_utf8

HUAWEI = {
    "id": "huawei",
    "schema": "Company",
    "properties": {"name": ["华为技术有限公司"], "country": ["cn"]},
}


def test_a_file_in_gb18030_is_named_not_read_garbled(tmp_path: Path) -> None:
    path = tmp_path / "entities.jsonl"
    lines = [
        json.dumps({**HUAWEI, "id": "a", "properties": {"name": ["Acme"]}}),
        json.dumps(HUAWEI, ensure_ascii=False),
    ]
    path.write_bytes("\n".join(lines).encode("gb18030"))
    with pytest.raises(InvalidInput, match="is not UTF-8: nothing was read") as caught:
        ftm.parse(path)
    [problem] = caught.value.problems
    assert (problem.file, problem.line) == ("entities.jsonl", 2)
    assert "save the file as UTF-8" in problem.reason
    yml = tmp_path / "registry.yml"
    yml.write_bytes("parties:\n  - id: huawei\n    names: [华为]\n".encode("gb18030"))
    with pytest.raises(InvalidInput, match="is not UTF-8") as caught:
        registry.parse(yml)
    assert caught.value.problems[0].line == 3


def test_utf8_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "entities.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(HUAWEI, ensure_ascii=False).encode("utf-8"))
    assert read_utf8(path).startswith('{"id": "huawei"')
    assert "华为技术有限公司" in read_utf8(path)


def test_a_list_file_may_still_be_windows_1252(tmp_path: Path) -> None:
    path = tmp_path / "sdn.csv"
    path.write_bytes("1,SOCIÉTÉ GÉNÉRALE\n".encode("cp1252"))  # as OFAC's older files were
    assert read_text(path) == "1,SOCIÉTÉ GÉNÉRALE\n"


def test_a_c1_control_character_in_a_list_file_is_read_as_windows_1252(tmp_path: Path) -> None:
    """The CSL writes Xi'an's apostrophe as U+0092, a C1 control character: Windows-1252's
    right quote, read as Latin-1 and written again as UTF-8."""
    path = tmp_path / "csl.csv"
    path.write_bytes("CAST Xi\u0092an Spaceflight Engine Factory\u0081\n".encode())
    assert read_text(path) == "CAST Xi\u2019an Spaceflight Engine Factory\u0081\n"
