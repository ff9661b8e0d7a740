"""The HTML schedule page with any text a user can type: the text comes back from an HTML
parser exactly as the document holds it, and adds no element, attribute or placeholder."""

from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from hongtu.core.exports.html import render_html
from test_exports import build_sample

TYPED = st.lists(
    st.one_of(
        st.sampled_from(["<", ">", "&", '"', "'", "$", "${rows}", "$$", "&amp;", "<b>", "\n"]),
        st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]),
    ),
    max_size=20,
).map("".join)


class _Page(HTMLParser):
    """The elements (with attributes) and, per element, the text inside it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, tuple[tuple[str, str | None], ...]]] = []
        self.texts: dict[str, list[str]] = {}
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, tuple(attrs)))
        self._open.append(tag)
        self.texts.setdefault(tag, []).append("")

    def handle_endtag(self, tag: str) -> None:
        if self._open and self._open[-1] == tag:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        if self._open:
            self.texts[self._open[-1]][-1] += data


def _parsed(doc) -> _Page:
    page = _Page()
    page.feed(render_html(doc).decode("utf-8"))
    page.close()
    return page


@settings(max_examples=80, deadline=None)
@given(title=TYPED, contact=TYPED, notes=st.lists(TYPED, min_size=1, max_size=3), words=TYPED)
def test_typed_text_comes_back_as_text(title, contact, notes, words) -> None:
    _, _, plain = build_sample(evil=False)
    rows = tuple(replace(row, title=words, details=words) for row in plain.rows)
    doc = replace(plain, title=title, contact=contact, phone="", notes=tuple(notes), rows=rows)

    page = _parsed(doc)
    expected = _parsed(replace(plain, notes=("x",)))  # the same page with harmless text
    assert [tag for tag, _ in page.elements if tag not in ("li",)] == [
        tag for tag, _ in expected.elements if tag not in ("li",)
    ]
    assert [attrs for _, attrs in page.elements if attrs] == [
        attrs for _, attrs in expected.elements if attrs
    ]
    assert page.texts["h1"] == [title]
    assert page.texts["title"][0] == f"{title} {doc.labels.schedule_title}"  # then the SVG's
    assert page.texts["dd"][-1] == contact
    assert page.texts["li"] == list(notes)
    cells = page.texts["td"]
    assert all(cell == words for cell in cells[2::4]) and all(cell == words for cell in cells[3::4])
    assert "${" not in "".join(page.texts["body"])
