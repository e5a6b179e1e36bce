from __future__ import annotations

import pytest

from incidents.normalize import detect_language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("انفجار در دمشق؛ زن سوری کشته شد", "fa"),
        ("نیروهای امنیتی در آمادهباش کامل، جادهها مسدود", "fa"),
        ("قتل خمسة أشخاص في انفجار سيارة مفخخة في دمشق", "ar"),
        ("أغلقت قوات الأمن الطريق الدولي بين حمص وحماة", "ar"),
        ("At least 15 people were killed in a blast in Damascus", "en"),
        ("12345", "en"),
    ],
)
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang
