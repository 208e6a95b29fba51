-- Conversation prompts kept per vault (Preferences → Templates, `casepath templates`): one row
-- per kind of conversation whose prompts the officers edited. A kind without a row uses the set
-- shipped with the program, so "Reset to the shipped set" deletes the row; the audit chain
-- keeps who changed which prompts and when.
CREATE TABLE conversation_templates (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL UNIQUE
               CHECK (kind IN ('early_conversation', 'check_in', 'formal_concern', 'outcome')),
    source     TEXT NOT NULL,          -- the TOML text exactly as saved
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);

PRAGMA user_version = 14;
