"""The structured dialogue prompts shown beside the conversation form.

One set per kind of conversation ships in ``resources/prompts/<kind>.toml``
(`TemplateKind`); a vault may keep edited copies (`template_service`). A broken text gets a
message naming its source and what is wrong, so an edit is refused before it is stored.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from app.domain.prompt_templates import TemplateKind
from app.domain.records import RootCause
from app.resource_paths import resource_path

SECTION_KEYS = (
    "summary",
    "constraints",
    "expectations",
    "root_causes",
    "attendees",
    "agreed_actions",
    "micro_goals",  # used by check-ins, beside the plan's open micro-goals
)


class PromptsError(ValueError):
    """The prompts file cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class PromptSection:
    key: str
    title: str
    help: str
    questions: tuple[str, ...] = ()


@dataclass(frozen=True)
class RootCausePrompt:
    cause: RootCause
    label: str
    question: str


@dataclass(frozen=True)
class ConversationPrompts:
    sections: dict[str, PromptSection]
    root_causes: tuple[RootCausePrompt, ...]

    def section(self, key: str) -> PromptSection:
        return self.sections[key]

    def root_cause(self, cause: RootCause) -> RootCausePrompt:
        return next(p for p in self.root_causes if p.cause is cause)


def parse_conversation_prompts(
    text: str, source: str = "early_conversation.toml"
) -> ConversationPrompts:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PromptsError(
            f"{source}: {exc}. Correct it, or start again from the shipped set."
        ) from None
    raw_sections = data.get("sections")
    if not isinstance(raw_sections, dict):
        raise PromptsError(f"{source}: the [sections] tables are missing.")
    unknown = sorted(set(raw_sections) - set(SECTION_KEYS))
    if unknown:
        raise PromptsError(
            f"{source}: unknown sections {', '.join(unknown)}; the sections "
            f"are {', '.join(SECTION_KEYS)}."
        )
    sections: dict[str, PromptSection] = {}
    for key in SECTION_KEYS:
        raw = raw_sections.get(key, {})
        where = f"{source}: sections.{key}"
        if not isinstance(raw, dict):
            raise PromptsError(f"{where} must be a table.")
        questions = raw.get("questions", [])
        if not isinstance(questions, list) or not all(isinstance(q, str) for q in questions):
            raise PromptsError(f"{where}.questions must be a list of texts.")
        title = raw.get("title", key.replace("_", " ").capitalize())
        help_text = raw.get("help", "")
        if not isinstance(title, str) or not isinstance(help_text, str):
            raise PromptsError(f"{where}: title and help must be texts.")
        sections[key] = PromptSection(key, title, help_text, tuple(questions))
    options = raw_sections.get("root_causes", {}).get("options", {})
    if not isinstance(options, dict):
        raise PromptsError(f"{source}: sections.root_causes.options must be a table.")
    for name in options:
        try:
            RootCause.parse(name)
        except ValueError as exc:
            raise PromptsError(f"{source}: sections.root_causes.options.{name}: {exc}.") from None
    causes = []
    for cause in RootCause:
        raw = options.get(cause.value, {})
        if not isinstance(raw, dict):
            raise PromptsError(
                f"{source}: sections.root_causes.options.{cause.value} must be a table."
            )
        causes.append(
            RootCausePrompt(cause, str(raw.get("label", cause.label)), str(raw.get("question", "")))
        )
    return ConversationPrompts(sections, tuple(causes))


def shipped_path(kind: TemplateKind = TemplateKind.EARLY_CONVERSATION) -> Path:
    return Path(resource_path("prompts", f"{kind.value}.toml"))


def shipped_text(kind: TemplateKind) -> str:
    """The prompts as shipped with this version of Casepath (what "Reset" brings back)."""
    path = shipped_path(kind)
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise PromptsError(
            f"Cannot read the conversation prompts {path}: {exc.strerror}. "
            "Reinstall Casepath to restore them."
        ) from None


def load_conversation_prompts(path: Path | None = None) -> ConversationPrompts:
    path = path or shipped_path()
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise PromptsError(
            f"Cannot read the conversation prompts {path}: {exc.strerror}. "
            "Reinstall Casepath to restore them."
        ) from None
    return parse_conversation_prompts(text, Path(path).name)


@cache
def default_prompts(kind: TemplateKind = TemplateKind.EARLY_CONVERSATION) -> ConversationPrompts:
    """The shipped prompts of one kind, read once per process."""
    return load_conversation_prompts(shipped_path(kind))
