"""The ``[web]`` table: read from the sample configuration, and refused when wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from events.store import parse_location
from tracker.errors import ConfigurationError
from tracker.settings import Settings, load_settings
from web.context import WebSettings

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "tracker.toml"


def test_the_sample_configuration_has_a_valid_web_table(tmp_path: Path) -> None:
    settings = load_settings(db=str(tmp_path), config=str(SAMPLE), environ={})
    web = WebSettings.from_settings(settings)
    assert web.base_url == "https://fristen.musterbezirk.example"
    assert web.secure_cookies and web.auth_header is None and web.document_dirs == ("examples",)


def with_web(section: dict[str, object], tmp_path: Path) -> Settings:
    return Settings(store=parse_location(str(tmp_path)), sections={"web": section})


def test_defaults_without_a_web_table(tmp_path: Path) -> None:
    web = WebSettings.from_settings(with_web({}, tmp_path))
    assert (web.base_url, web.page_size, web.secure_cookies) == ("http://127.0.0.1:8080", 50, True)


@pytest.mark.parametrize(
    ("section", "message"),
    [
        ({"base_url": "fristen.example"}, "base_url"),
        ({"page_size": 0}, "page_size"),
        ({"secure_cookies": "ja"}, "secure_cookies"),
        ({"auth_header": "X-Remote-User"}, "trusted_proxies"),
        ({"colour": "blau"}, "unknown setting"),
    ],
)
def test_a_wrong_web_setting_is_named(
    section: dict[str, object], message: str, tmp_path: Path
) -> None:
    with pytest.raises(ConfigurationError, match=message):
        WebSettings.from_settings(with_web(section, tmp_path))
