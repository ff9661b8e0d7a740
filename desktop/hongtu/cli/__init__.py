"""The one entry point. No arguments opens the window; subcommands do the same work headless.

hongtu [--db PATH|URL] [--lang zh_CN|en]            open the desktop app
hongtu sites list [--json]                          the site catalogue
hongtu sites add --name N --lat LAT --lon LON --crs wgs84|gcj02|bd09 [--district D]
                                                    add a place (stored in WGS-84)
hongtu sites export-corrections --output PATH [--by NAME]   share confirmed positions/facts
hongtu sites import-corrections FILE [--accept-all]         compare (and take) a colleague's
hongtu plans list|import|show|optimise|rename|export …  plans, headless
hongtu tiles estimate|download|list|delete|export|import …  offline map packages
hongtu members import|add|remove|list --branch B …  a branch's roster
hongtu record PLAN [--leave NAME=REASON] [--absent NAME] [--summary S]  record the day
hongtu ledger show|export --branch B --year Y …     the branch's yearly ledger (台账)
hongtu backup create --output PATH | restore FILE   the database and photos, in one archive

The package: ``common`` (what every command shares), ``sites``, ``plans``, ``export``,
``members``, ``records`` and ``ledger``. Each
command module is imported when the parser is built; the heavy work is imported only inside the
handlers, so ``hongtu --version`` stays fast.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from hongtu import __version__
from hongtu.cli.common import ensure_offscreen_app, fail, format_table, say, tr

if TYPE_CHECKING:  # argparse is imported where a parser is built: after the page has started
    import argparse

    from hongtu.core.storage.read_ahead import ReadAhead
    from hongtu.qt.early_page import EarlyPage

    Handler = Callable[[argparse.Namespace], int]


def build_window_parser() -> argparse.ArgumentParser:
    """The options every invocation shares (``--version``, ``--db``, ``--lang``), no commands:
    enough to open the window, without importing and building every command's parser."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="hongtu", description=tr("红途 HongTu — 太原红色教育主题党日规划")
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"hongtu {__version__}",
        help=tr("显示版本号并退出"),
    )
    parser.add_argument("--db", help=tr("数据库文件路径或 SQLAlchemy URL（默认在用户数据目录）"))
    parser.add_argument(
        "--lang",
        default=None,
        help=tr("界面语言：zh_CN（默认）或 en；不指定时用 HONGTU_LANG 或设置中的语言"),
    )
    parser.set_defaults(command=None)
    return parser


#: The commands, by the word that names them (``hongtu plans …``).
COMMAND_WORDS = ("sites", "plans", "tiles", "members", "record", "ledger", "backup")


def build_parser(words: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """Every command's parser; when ``words`` name one command, that command's alone: the
    others' modules are not imported (~12 ms of every headless command), and its help and
    errors read as before. Unknown or no command words: all of them, for help and errors."""
    parser = build_window_parser()
    commands = parser.add_subparsers(dest="command")
    named = _command_word(words or [])
    wanted = (lambda word: word == named) if named in COMMAND_WORDS else (lambda _word: True)
    if wanted("sites"):
        from hongtu.cli.sites import add_site_commands

        add_site_commands(commands)
    if wanted("plans"):
        from hongtu.cli.plans import add_plan_commands

        add_plan_commands(commands)
    if wanted("tiles"):
        from hongtu.cli.tiles import add_tile_commands

        add_tile_commands(commands)
    if wanted("members"):
        from hongtu.cli.members import add_member_commands

        add_member_commands(commands)
    if wanted("record"):
        from hongtu.cli.records import add_record_commands

        add_record_commands(commands)
    if wanted("ledger"):
        from hongtu.cli.ledger import add_ledger_commands

        add_ledger_commands(commands)
    if wanted("backup"):
        from hongtu.cli.backup import add_backup_commands

        add_backup_commands(commands)
    return parser


def _command_word(words: Sequence[str]) -> str | None:
    """The first word that is neither an option nor ``--db``'s or ``--lang``'s value."""
    skip = False
    for word in words:
        if skip:
            skip = False
        elif word in ("--db", "--lang"):
            skip = True
        elif not word.startswith("-"):
            return word
    return None


def main(argv: Sequence[str] | None = None) -> int:
    words = _options_first(list(sys.argv[1:] if argv is None else argv))
    ahead = _read_ahead(words)
    page, parser = _start_map_page(words)
    try:
        return _main(words, page, parser, ahead)
    finally:
        _remove_cli_translators()
        if ahead is not None:
            ahead.close()  # the command took it, or never got that far
        if page is not None:
            page.close()  # not handed to the window (a bad argument): it goes before the profile
            from hongtu.heap import resume_collector

            resume_collector()  # if the window never got as far as freezing the heap


_EVERY_COMMANDS_OPTIONS = ("--db", "--lang")


def _options_first(words: list[str]) -> list[str]:
    """``--db``/``--lang`` given after the command (``hongtu backup create --db X …``, as one
    naturally writes it) moved before it, where the parser takes them. Not past ``--``."""
    command = _command_word(words)
    if command is None:
        return words
    start = words.index(command)
    ahead, rest = words[:start], [command]
    index = start + 1
    while index < len(words):
        word = words[index]
        if word == "--":
            rest += words[index:]
            break
        if word in _EVERY_COMMANDS_OPTIONS and index + 1 < len(words):
            ahead += words[index : index + 2]
            index += 2
            continue
        if word.startswith(tuple(f"{option}=" for option in _EVERY_COMMANDS_OPTIONS)):
            ahead.append(word)
        else:
            rest.append(word)
        index += 1
    return ahead + rest


def _read_ahead(words: list[str]) -> ReadAhead | None:
    """For ``plans list`` and ``sites list``: their file opened, checked and (plans) the
    summary query started on threads at once, while the rest is imported
    (``hongtu.core.storage.read_ahead``)."""
    command = _command_word(words)
    if command not in ("plans", "sites") or "--version" in words:
        return None
    if _command_word(words[words.index(command) + 1 :]) != "list":
        return None
    from hongtu.core.storage.read_ahead import SUMMARIES, ReadAhead

    return ReadAhead(_window_db(words), SUMMARIES if command == "plans" else None)


def _start_map_page(
    words: list[str],
) -> tuple[EarlyPage, argparse.ArgumentParser] | tuple[None, None]:
    """When these words open the window, the map page starts loading first, and the rest of
    HongTu is imported meanwhile (``hongtu.qt.early_page``), the window's parser built too;
    (None, None) otherwise. A start pauses the garbage collector until its heap is frozen
    (``hongtu.heap``): if the window never gets that far, the caller resumes it."""
    if "--version" in words or not _opens_the_window(words) or not _display_available():
        return None, None
    from hongtu.core.mappage import cached_map_page_file

    page_file = cached_map_page_file()
    if page_file is None:  # the first start of this version builds it (~1 s): the window first
        return None, None
    from hongtu.heap import pause_collector, resume_collector

    pause_collector()  # until the start-up heap is frozen (hongtu.heap)
    try:
        from hongtu.qt.early_page import EarlyPage, run_beside_page

        page = EarlyPage.start(page_file)
    except BaseException:
        resume_collector()  # no window will freeze it
        raise

    def meanwhile() -> argparse.ArgumentParser:
        page.read_sites(_window_db(words))  # drawn as soon as the page is up
        import hongtu.core.settings
        import hongtu.qt.app  # noqa: F401

        return build_window_parser()  # argparse's few ms, not on the GUI thread either

    return page, run_beside_page(meanwhile)


def _window_db(words: list[str]) -> str | None:
    """``--db`` as the window's parser reads it (the last one given)."""
    db = None
    for index, word in enumerate(words):
        if word == "--db" and index + 1 < len(words):
            db = words[index + 1]
        elif word.startswith("--db="):
            db = word.partition("=")[2]
    return db


def _main(
    words: list[str],
    page: EarlyPage | None,
    parser: argparse.ArgumentParser | None,
    ahead: ReadAhead | None = None,
) -> int:
    """``parser``: the window's, built while the page loads; None: built here for these words.
    ``ahead``: what a listing command reads, already under way (``_read_ahead``)."""
    from hongtu.core.settings import load_settings

    settings = load_settings()  # the one read of the settings file; commands use these
    early = _early_language(words, settings.language)
    if early == "en" and _is_command_line(words):
        _install_cli_translator()  # before the parser is built: its help is translated too
    with argparse_language(early):  # its usage, headings and errors: built and said in it
        if parser is None:
            parser = build_window_parser() if _opens_the_window(words) else build_parser(words)
        args = parser.parse_args(words)
        args.settings = settings
        args.read_ahead = ahead
        try:
            lang = _language(args.lang or os.environ.get("HONGTU_LANG") or args.settings.language)
        except ValueError:
            parser.error(f"不支持的语言 / unsupported language: {args.lang}")
    if args.command is None:
        if not _display_available():
            say(
                "没有可用的图形显示（DISPLAY / WAYLAND_DISPLAY 未设置）：无法打开窗口。"
                "可使用 hongtu sites list 等命令行功能，或用 xvfb-run 启动。\n"
                "No display available (DISPLAY / WAYLAND_DISPLAY unset): cannot open the window.",
                error=True,
            )
            return 2
        from hongtu.qt.app import run_gui

        return run_gui(args.db, lang, args.settings, page=page)
    if lang == "en" and early != "en":
        _install_cli_translator()
    handler: Handler = args.handler
    missing = _missing_database(args.db) if getattr(args, "needs_database", False) else None
    if missing is not None:  # a mistyped path would otherwise become a new, empty database
        return fail(
            tr(
                "没有这个数据库文件：{path}。这个命令只读取或修改已有的数据，不会新建数据库；"
                "请检查 --db（或 HONGTU_DB）给出的路径。"
            ).format(path=missing)
        )
    from hongtu.cli.common import OutputError, flush_output
    from hongtu.core.storage.problems import DatabaseError

    try:
        code = handler(args)
        flush_output()
        return code
    except DatabaseError as exc:
        say(_database_message(exc), error=True)
        return 2
    except BrokenPipeError:
        return 0
    except OutputError as exc:
        from hongtu.cli.export import output_error_message

        say(output_error_message(exc.error), error=True)
        return 2
    except Exception as exc:  # the driver's errors: one plain line, never the SQL or its values
        from hongtu.core.storage.database import storage_error

        if not _is_storage_error(exc):
            raise
        say(_database_message(storage_error(exc, _where(args.db))), error=True)
        return 2


def argparse_language(language: str | None) -> AbstractContextManager[None]:
    """argparse's own words in Chinese for a Chinese command line; otherwise its English."""
    if language == "zh_CN":
        from hongtu.cli.argparse_zh import in_chinese

        return in_chinese()
    return contextlib.nullcontext()


def _is_storage_error(exc: Exception) -> bool:
    import sqlite3

    from sqlalchemy.exc import SQLAlchemyError

    return isinstance(exc, SQLAlchemyError | sqlite3.Error)


def _missing_database(db: str | None) -> str | None:
    """The database file ``--db`` or ``HONGTU_DB`` names, when there is none there (None:
    it is there, it is not a file, or neither names one: the default database is made on
    first use)."""
    from hongtu.core.storage.files import resolve_url, sqlite_file

    if not (db or os.environ.get("HONGTU_DB")):
        return None
    path = sqlite_file(resolve_url(db))
    return str(path) if path is not None and not path.exists() else None


def _where(db: str | None) -> str:
    """The database's location for a message: a file path, or the URL without its password."""
    from sqlalchemy.engine import make_url

    from hongtu.core.storage.files import resolve_url, sqlite_file

    url = resolve_url(db)
    path = sqlite_file(url)
    if path is not None:
        return str(path)
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # an unparsable URL: say only which kind of database it is
        return url.partition("://")[0]


def _early_language(words: list[str], saved: str) -> str | None:
    """The language before the parser exists (so ``--help`` can be in it); None if unclear."""
    lang: str | None = None
    for index, word in enumerate(words):
        if word == "--lang" and index + 1 < len(words):
            lang = words[index + 1]
        elif word.startswith("--lang="):
            lang = word.partition("=")[2]
    try:
        return _language(lang or os.environ.get("HONGTU_LANG") or saved)
    except ValueError:
        return None


def _opens_the_window(words: list[str]) -> bool:
    """Only ``--db``/``--lang`` (with their values) or ``--version``: no command, no help, no
    word the full parser would have to judge (a typo still gets its "invalid choice")."""
    index = 0
    while index < len(words):
        word = words[index]
        if word in ("--db", "--lang"):
            index += 2
            continue
        if word != "--version" and not word.startswith(("--db=", "--lang=")):
            return False
        index += 1
    return True


def _is_command_line(words: list[str]) -> bool:
    """A subcommand or a help request: the terminal, not the window, will show the text."""
    commands = ("-h", "--help", "sites", "plans", "members", "ledger", "tiles", "backup", "record")
    return any(word in commands for word in words)


def _display_available() -> bool:
    """On Linux, Qt aborts without a display; say so plainly instead."""
    if not sys.platform.startswith("linux"):
        return True
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def main_gui() -> int:
    return main([])


def _language(lang: str) -> str:
    low = lang.replace("-", "_").lower()
    if low.startswith("zh"):
        return "zh_CN"
    if low.startswith("en"):
        return "en"
    raise ValueError(lang)


_installed_translators: list[Any] = []  # removed when ``main`` returns


def _install_cli_translator() -> None:
    from PySide6.QtCore import QTranslator

    from hongtu.core import paths

    app = ensure_offscreen_app()  # a QApplication, so a later PDF export can still render
    translator = QTranslator(app)
    if translator.load(str(paths.resource_path("i18n", "hongtu_en.qm"))):
        app.installTranslator(translator)
        _installed_translators.append(translator)


def _remove_cli_translators() -> None:
    """A command's ``--lang en`` is its own: the next ``main`` in this process (a script's,
    a test's) speaks its own language, not the one left installed."""
    while _installed_translators:
        translator = _installed_translators.pop()
        app = translator.parent()
        if app is not None:
            app.removeTranslator(translator)
        translator.setParent(None)


def _database_message(exc: Any) -> str:
    from hongtu.core.storage.problems import BUSY_TIMEOUT_MS, DatabaseProblem

    reasons = {
        DatabaseProblem.LOCKED: tr(
            "数据库正被另一个程序使用（等待 {0} 秒后仍未释放），请稍后再试"
        ).format(BUSY_TIMEOUT_MS // 1000),
        DatabaseProblem.CORRUPT: tr("数据库文件已损坏（完整性检查未通过）"),
        DatabaseProblem.NOT_A_DATABASE: tr("这个文件不是数据库文件"),
        DatabaseProblem.NOT_HONGTU: tr("这个数据库不是红途的数据库"),
        DatabaseProblem.TOO_NEW: tr("这个数据库由更新版本的红途创建"),
        DatabaseProblem.NO_PERMISSION: tr("没有读取这个文件的权限"),
        DatabaseProblem.READ_ONLY_FILE: tr("数据库文件是只读的"),
        DatabaseProblem.READ_ONLY_OLD: tr(
            "这个数据库由旧版本的红途创建，需要先升级才能读取，而它所在的位置不能写入；"
            "请把它复制到可以写入的文件夹，再用 --db 指向那份副本"
        ),
        DatabaseProblem.READ_ONLY_FOLDER: tr("数据库所在的文件夹不允许写入"),
        DatabaseProblem.IS_A_FOLDER: tr("给出的位置是一个文件夹，不是数据库文件"),
        DatabaseProblem.NOT_A_FOLDER: tr(
            "数据库所在文件夹的位置上是一个文件，无法在那里建立数据库"
        ),
        DatabaseProblem.DISK_FULL: tr("磁盘空间已满"),
        DatabaseProblem.BAD_URL: tr("数据库地址格式不正确"),
        DatabaseProblem.READ_ONLY_URL: tr(
            "数据库地址要求只读打开（mode=ro），而这个命令需要写入数据库；请去掉 mode=ro"
        ),
        DatabaseProblem.MIGRATION_FAILED: tr("数据库升级失败，升级步骤已全部撤销"),
    }
    message = tr("错误：{0}：{1}").format(reasons[exc.problem], exc.location)
    if exc.backup is not None:
        message += tr("（升级前的备份：{0}）").format(str(exc.backup))
    if not exc.touched:
        message += tr("（文件未被修改）")
    return message


__all__ = [
    "build_parser",
    "build_window_parser",
    "format_table",
    "main",
    "main_gui",
    "tr",
]
