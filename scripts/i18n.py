"""Keep HongTu's translation catalogue in step with the source.

    python scripts/i18n.py update   # extract every tr("…") into resources/i18n/hongtu_en.ts
    python scripts/i18n.py release  # compile resources/i18n/hongtu_en.qm (and qt_extra_zh_CN.qm)
    python scripts/i18n.py check    # exit 1 if a string is missing or untranslated

Source strings are Simplified Chinese (the default language); the English catalogue translates
them. Each module defines ``tr(text)`` as ``QCoreApplication.translate("<Context>", text)``;
``pyside6-lupdate`` cannot see through that wrapper, so this script reads the module's context
from its ``tr`` definition (or any other module-level function that calls ``translate`` with a
literal context, such as an undo step's name) and collects the literal strings passed to it.
Existing translations are kept; new strings are added unfinished, and strings no longer in the
source are dropped.

A count goes through a wrapper that passes it on as ``translate``'s fourth argument, e.g.
``tr_n("共 %n 人", count)`` with ``QCoreApplication.translate("<Context>", text, None, n)``;
such a string is written with ``numerus="yes"`` and one ``<numerusform>`` per English form
(“%n participant” / “%n participants”), and Qt picks the form for the count.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "desktop" / "hongtu"
TS_FILE = ROOT / "resources" / "i18n" / "hongtu_en.ts"
QM_FILE = TS_FILE.with_suffix(".qm")
# Qt's own dialog strings its zh_CN catalogue leaves in English (“&Look in:”), kept by hand
QT_EXTRA_TS = ROOT / "resources" / "i18n" / "qt_extra_zh_CN.ts"

Message = tuple[str, str]  # (context, source text)
Translation = str | tuple[str, ...]  # one text, or English's forms for a counted string
ENGLISH_FORMS = 2  # singular, plural


def module_context(tree: ast.Module) -> str | None:
    """The context of the module's own ``tr``, or of the ``tr`` it imports from a sibling."""
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == "tr":
            for call in ast.walk(node):
                if _is_translate(call) and isinstance(call.args[0], ast.Constant):
                    return str(call.args[0].value)
        if (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.module.startswith("hongtu")
            and any(alias.name == "tr" for alias in node.names)
        ):
            parts = node.module.split(".")[1:]
            source = SOURCES.joinpath(*parts).with_suffix(".py")
            if not source.exists():
                source = SOURCES.joinpath(*parts, "__init__.py")
            return module_context(ast.parse(source.read_text("utf-8")))
    return None


def _is_translate(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "translate"
        and len(node.args) >= 2
    )


def _is_counted(call: ast.Call) -> bool:
    """``translate(context, text, disambiguation, n)``: the text has a form per count."""
    return len(call.args) >= 4 or any(k.arg == "n" for k in call.keywords)


def wrapper_contexts(tree: ast.Module) -> dict[str, tuple[str, bool]]:
    """The module's translating functions (``tr``, or any other name whose body calls
    ``….translate("<Context>", …)``), the context each translates in and whether it passes
    a count on."""
    wrappers: dict[str, tuple[str, bool]] = {}
    context = module_context(tree)
    if context:
        wrappers["tr"] = (context, False)
    wrappers.update(_imported_counting_wrappers(tree))
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or node.name == "tr":
            continue
        for call in ast.walk(node):
            if _is_translate(call):
                assert isinstance(call, ast.Call)
                named = call.args[0]
                if isinstance(named, ast.Constant):
                    wrappers[node.name] = (str(named.value), _is_counted(call))
                    break
    return wrappers


def _imported_counting_wrappers(tree: ast.Module) -> dict[str, tuple[str, bool]]:
    """Counting wrappers (``tr_n``) imported from a sibling module, as the CLI's are."""
    imported: dict[str, tuple[str, bool]] = {}
    for node in tree.body:
        if not (isinstance(node, ast.ImportFrom) and node.module and
                node.module.startswith("hongtu")):
            continue
        names = {alias.name for alias in node.names} - {"tr"}
        if not names:
            continue
        parts = node.module.split(".")[1:]
        source = SOURCES.joinpath(*parts).with_suffix(".py")
        if not source.exists():
            source = SOURCES.joinpath(*parts, "__init__.py")
        if not source.exists():
            continue
        theirs = _wrappers_of(source)
        imported.update({name: theirs[name] for name in names & theirs.keys()
                         if theirs[name][1]})
    return imported


_SEEN: dict[Path, dict[str, tuple[str, bool]]] = {}


def _wrappers_of(source: Path) -> dict[str, tuple[str, bool]]:
    """``wrapper_contexts`` of another module, read once (an import cycle reads as none)."""
    if source not in _SEEN:
        _SEEN[source] = {}
        _SEEN[source] = wrapper_contexts(ast.parse(source.read_text("utf-8")))
    return _SEEN[source]


def _found_in(path: Path) -> list[tuple[Message, bool]]:
    """Every literal string given to a translating function, and whether it is counted."""
    tree = ast.parse(path.read_text("utf-8"), str(path))
    wrappers = wrapper_contexts(tree)
    found: list[tuple[Message, bool]] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        if (
            isinstance(node.func, ast.Name)
            and node.func.id in wrappers
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            context, counted = wrappers[node.func.id]
            found.append(((context, node.args[0].value), counted))
        elif _is_translate(node) and all(isinstance(a, ast.Constant) for a in node.args[:2]):
            ctx, text = node.args[0].value, node.args[1].value  # type: ignore[attr-defined]
            if isinstance(ctx, str) and isinstance(text, str) and text != "text":
                found.append(((ctx, text), _is_counted(node)))
    return found


def messages_in(path: Path) -> list[Message]:
    return [message for message, _ in _found_in(path)]


def counted_messages_in(path: Path) -> list[Message]:
    return [message for message, counted in _found_in(path) if counted]


def source_messages() -> list[Message]:
    seen: dict[Message, None] = {}
    for path in sorted(SOURCES.rglob("*.py")):
        for message in messages_in(path):
            seen.setdefault(message)
    return list(seen)


def counted_source_messages() -> set[Message]:
    return {m for path in sorted(SOURCES.rglob("*.py")) for m in counted_messages_in(path)}


def read_catalogue(path: Path = TS_FILE) -> dict[Message, Translation]:
    """Each message's finished translation: its text, or for a counted message the tuple of
    its forms; "" (or a tuple with an empty form) where it is not done."""
    if not path.exists():
        return {}
    translations: dict[Message, Translation] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            finished = translation is not None and translation.get("type") != "unfinished"
            key = (name, message.findtext("source") or "")
            if message.get("numerus") == "yes":
                forms = translation.findall("numerusform") if translation is not None else []
                translations[key] = tuple((f.text or "") if finished else "" for f in forms)
            else:
                text = (translation.text or "") if translation is not None else ""
                translations[key] = text if finished else ""
    return translations


def is_done(translation: Translation | None, counted: bool) -> bool:
    """A plain message has its text; a counted one has every English form, filled."""
    if counted:
        return isinstance(translation, tuple) and len(translation) == ENGLISH_FORMS and all(
            translation
        )
    return isinstance(translation, str) and bool(translation)


def write_catalogue(
    messages: list[Message],
    translations: dict[Message, Translation],
    counted: set[Message] | None = None,
) -> None:
    counted = counted or set()
    root = ET.Element("TS", version="2.1", language="en_US", sourcelanguage="zh_CN")
    contexts: dict[str, ET.Element] = {}
    for context, text in sorted(messages):
        if context not in contexts:
            element = ET.SubElement(root, "context")
            ET.SubElement(element, "name").text = context
            contexts[context] = element
        is_counted = (context, text) in counted
        message = ET.SubElement(contexts[context], "message")
        if is_counted:
            message.set("numerus", "yes")
        ET.SubElement(message, "source").text = text
        translation = ET.SubElement(message, "translation")
        done = translations.get((context, text), "")
        if is_counted:
            forms = done if isinstance(done, tuple) else ()
            for index in range(ENGLISH_FORMS):
                form = ET.SubElement(translation, "numerusform")
                form.text = forms[index] if index < len(forms) else ""
            if not is_done(done, counted=True):
                translation.set("type", "unfinished")
        elif isinstance(done, str) and done:
            translation.text = done
        else:
            translation.set("type", "unfinished")
    ET.indent(root)
    TS_FILE.parent.mkdir(parents=True, exist_ok=True)
    body = ET.tostring(root, encoding="unicode")
    TS_FILE.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                       "utf-8")


def lrelease() -> Path:
    tool = shutil.which("pyside6-lrelease") or str(Path(sys.executable).parent / "pyside6-lrelease")
    subprocess.run([tool, "-silent", str(TS_FILE), "-qm", str(QM_FILE)], check=True)
    extra = QT_EXTRA_TS.with_suffix(".qm")
    subprocess.run([tool, "-silent", str(QT_EXTRA_TS), "-qm", str(extra)], check=True)
    return QM_FILE


def problems() -> list[str]:
    catalogue = read_catalogue()
    counted = counted_source_messages()
    issues = []
    for message in source_messages():
        if message not in catalogue:
            issues.append(f"missing from {TS_FILE.name}: {message}")
        elif not is_done(catalogue[message], message in counted):
            issues.append(f"untranslated: {message}")
    return issues


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "check"
    if command == "update":
        write_catalogue(source_messages(), read_catalogue(), counted_source_messages())
        return 0
    if command == "release":
        lrelease()
        return 0
    found = problems()
    print("\n".join(found) if found else "every string is translated")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
