"""Keep HongTu's translation catalogue in step with the source.

    python scripts/i18n.py update   # extract every tr("…") into resources/i18n/hongtu_en.ts
    python scripts/i18n.py release  # compile resources/i18n/hongtu_en.qm with pyside6-lrelease
    python scripts/i18n.py check    # exit 1 if a string is missing or untranslated

Source strings are Simplified Chinese (the default language); the English catalogue translates
them. Each module defines ``tr(text)`` as ``QCoreApplication.translate("<Context>", text)``;
``pyside6-lupdate`` cannot see through that wrapper, so this script reads the module's context
from its ``tr`` definition (or any other module-level function that calls ``translate`` with a
literal context, such as an undo step's name) and collects the literal strings passed to it.
Existing translations are kept; new strings are added unfinished, and strings no longer in the
source are dropped.
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

Message = tuple[str, str]  # (context, source text)


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


def wrapper_contexts(tree: ast.Module) -> dict[str, str]:
    """The module's translating functions (``tr``, or any other name whose body calls
    ``….translate("<Context>", …)``) and the context each translates in."""
    wrappers: dict[str, str] = {}
    context = module_context(tree)
    if context:
        wrappers["tr"] = context
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or node.name == "tr":
            continue
        for call in ast.walk(node):
            if _is_translate(call):
                named = call.args[0]  # type: ignore[attr-defined]
                if isinstance(named, ast.Constant):
                    wrappers[node.name] = str(named.value)
                    break
    return wrappers


def messages_in(path: Path) -> list[Message]:
    tree = ast.parse(path.read_text("utf-8"), str(path))
    wrappers = wrapper_contexts(tree)
    found: list[Message] = []
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
            found.append((wrappers[node.func.id], node.args[0].value))
        elif _is_translate(node) and all(isinstance(a, ast.Constant) for a in node.args[:2]):
            ctx, text = node.args[0].value, node.args[1].value  # type: ignore[attr-defined]
            if isinstance(ctx, str) and isinstance(text, str) and text != "text":
                found.append((ctx, text))
    return found


def source_messages() -> list[Message]:
    seen: dict[Message, None] = {}
    for path in sorted(SOURCES.rglob("*.py")):
        for message in messages_in(path):
            seen.setdefault(message)
    return list(seen)


def read_catalogue(path: Path = TS_FILE) -> dict[Message, str]:
    if not path.exists():
        return {}
    translations: dict[Message, str] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            finished = translation is not None and translation.get("type") != "unfinished"
            text = (translation.text or "") if translation is not None else ""
            translations[(name, message.findtext("source") or "")] = text if finished else ""
    return translations


def write_catalogue(messages: list[Message], translations: dict[Message, str]) -> None:
    root = ET.Element("TS", version="2.1", language="en_US", sourcelanguage="zh_CN")
    contexts: dict[str, ET.Element] = {}
    for context, text in sorted(messages):
        if context not in contexts:
            element = ET.SubElement(root, "context")
            ET.SubElement(element, "name").text = context
            contexts[context] = element
        message = ET.SubElement(contexts[context], "message")
        ET.SubElement(message, "source").text = text
        translation = ET.SubElement(message, "translation")
        done = translations.get((context, text), "")
        if done:
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
    return QM_FILE


def problems() -> list[str]:
    catalogue = read_catalogue()
    issues = []
    for message in source_messages():
        if message not in catalogue:
            issues.append(f"missing from {TS_FILE.name}: {message}")
        elif not catalogue[message]:
            issues.append(f"untranslated: {message}")
    return issues


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "check"
    if command == "update":
        write_catalogue(source_messages(), read_catalogue())
        return 0
    if command == "release":
        lrelease()
        return 0
    found = problems()
    print("\n".join(found) if found else "every string is translated")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
