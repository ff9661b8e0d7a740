"""Text as organisers type it, for the document writers' round-trip tests: Chinese, full-width
spaces, quotes, line breaks and tabs, emoji (four bytes in UTF-8), and what no format can
carry (control characters, lone surrogates), plus the characters a format treats specially."""

from __future__ import annotations

from hypothesis import strategies as st


def typed_text(special: str, max_size: int = 60) -> st.SearchStrategy[str]:
    """Any such text; ``special``: the characters the format under test escapes or reads."""
    return st.text(
        alphabet=st.one_of(
            st.sampled_from(list("党支部\"'\t\n\r 　😀" + special)),
            st.characters(codec="utf-8"),
            st.characters(min_codepoint=0, max_codepoint=0x1F),
            st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),
        ),
        max_size=max_size,
    )
