"""The prompts of a conversation as HTML: one section beside the form, or every section for
the templates editor's preview."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from app.services.cases.conversation_prompts import SECTION_KEYS, ConversationPrompts


def _tr(text: str) -> str:
    return QCoreApplication.translate("PromptHtml", text)


def section_html(prompts: ConversationPrompts, key: str, level: int = 3) -> str:
    e = html.escape
    section = prompts.section(key)
    parts = [f"<h{level}>{e(section.title)}</h{level}>"]
    if section.help:
        parts.append(f"<p>{e(section.help)}</p>")
    if key == "root_causes":
        items = [
            f"<li><b>{e(p.label)}</b>: {e(p.question)}</li>"
            for p in prompts.root_causes
            if p.question
        ]
    else:
        items = [f"<li>{e(q)}</li>" for q in section.questions]
    if items:
        parts.append(
            f"<p><i>{e(QCoreApplication.translate('PromptHtml', 'Questions to ask'))}</i></p><ul>"
            + "".join(items)
            + "</ul>"
        )
    return "".join(parts)


def all_sections_html(prompts: ConversationPrompts) -> str:
    return "".join(section_html(prompts, key, 4) for key in SECTION_KEYS)
