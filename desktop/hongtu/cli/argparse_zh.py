"""argparse's own words (``usage:``, ``options:``, its errors) in Chinese.

argparse takes its messages through ``gettext`` (its module's ``_`` and ``ngettext``), not
through HongTu's Qt translator, so a Chinese command line read "the following arguments are
required" around Chinese help. While a Chinese command runs, ``in_chinese`` puts this table in
front of argparse's own lookups; English (and any message not listed) stays argparse's own text.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

#: argparse's message ids (Python 3.11–3.13) → Chinese; the ``%`` placeholders are kept.
MESSAGES = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "optional arguments": "选项",
    "show this help message and exit": "显示这份帮助并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "不认识的参数：%s",
    "invalid %(type)s value: %(value)r": "%(value)r 不是有效的 %(type)s 值",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "无效的选项 %(value)r（可选：%(choices)s）"
    ),
    "expected one argument": "需要一个值",
    "expected at most one argument": "最多一个值",
    "expected at least one argument": "至少需要一个值",
    "ambiguous option: %(option)s could match %(matches)s": (
        "选项 %(option)s 不明确，可能是：%(matches)s"
    ),
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "ignored explicit argument %r": "多余的值 %r",
    "one of the arguments %s is required": "参数 %s 中必须给出一个",
    "unexpected option string: %s": "意外的选项：%s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "不认识的命令 %(parser_name)r（可选：%(choices)s）"
    ),
    "can't open '%(filename)s': %(error)s": "无法打开“%(filename)s”：%(error)s",
}

#: ``ngettext`` messages: Chinese has one form for both.
PLURAL_MESSAGES = {
    "expected %s argument": "需要 %s 个值",
}


def chinese(message: str) -> str:
    return MESSAGES.get(message, message)


def chinese_plural(singular: str, plural: str, count: int) -> str:
    if singular in PLURAL_MESSAGES:
        return PLURAL_MESSAGES[singular]
    return singular if count == 1 else plural


#: A help section's heading line that argparse ends with an ASCII colon, e.g. ``选项:``.
_CHINESE_HEADING = re.compile(r"^(\S[^\n]*[^\x00-\x7f][^\n]*):$", re.MULTILINE)


def full_width_headings(text: str) -> str:
    """``位置参数:`` → ``位置参数：`` (argparse writes the colon itself, in ASCII)."""
    return _CHINESE_HEADING.sub(r"\1：", text)


@contextmanager
def in_chinese() -> Iterator[None]:
    """argparse speaks Chinese inside the block (build the parsers inside it too: the group
    titles and ``-h``'s help are taken when a parser is made)."""
    module = vars(argparse)
    before: tuple[Callable[[str], str], Callable[[str, str, int], str]] = (
        module["_"],
        module["ngettext"],
    )
    format_help = argparse.ArgumentParser.format_help

    def chinese_help(parser: argparse.ArgumentParser) -> str:
        return full_width_headings(format_help(parser))

    module["_"], module["ngettext"] = chinese, chinese_plural
    parser_class: Any = argparse.ArgumentParser
    parser_class.format_help = chinese_help
    try:
        yield
    finally:
        module["_"], module["ngettext"] = before
        parser_class.format_help = format_help
