"""Which set of conversation prompts a conversation uses: one set per kind of conversation.

An early conversation explores constraints, a check-in walks through the plan's micro-goals, a
formal concern states the standard and the consequence, an outcome meeting explains the
decision. The sets ship in ``resources/prompts/<key>.toml``; a vault may keep its own edited
copy of each (Preferences → Templates, ``casepath templates``).
"""

from __future__ import annotations

from app.domain.records import ConversationKind, LabelledEnum
from app.domain.words.translation import N_


class TemplateKind(LabelledEnum):
    EARLY_CONVERSATION = "early_conversation"
    CHECK_IN = "check_in"
    FORMAL_CONCERN = "formal_concern"
    OUTCOME = "outcome"

    @property
    def label(self) -> str:
        return {"check_in": N_("Check-in")}.get(self.value, super().label)

    @property
    def used_for(self) -> tuple[ConversationKind, ...]:
        return tuple(k for k, t in _FOR_KIND.items() if t is self)

    @classmethod
    def for_conversation(cls, kind: ConversationKind) -> TemplateKind:
        return _FOR_KIND[kind]


# A coaching conversation is still an early, exploring one; a formal review meeting is held
# under the same rules as a formal concern.
_FOR_KIND: dict[ConversationKind, TemplateKind] = {
    ConversationKind.INFORMAL: TemplateKind.EARLY_CONVERSATION,
    ConversationKind.COACHING: TemplateKind.EARLY_CONVERSATION,
    ConversationKind.CHECK_IN: TemplateKind.CHECK_IN,
    ConversationKind.FORMAL_CONCERN: TemplateKind.FORMAL_CONCERN,
    ConversationKind.REVIEW: TemplateKind.FORMAL_CONCERN,
    ConversationKind.OUTCOME: TemplateKind.OUTCOME,
}
