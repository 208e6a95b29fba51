-- Search finds "Müller" when the officer types "Muller" ("zoe" finds "Zoë"; "Ł" is a letter of
-- its own, not L with a mark, so "Lukasz" does not): the trigram index is rebuilt with
-- remove_diacritics. FTS5 cannot change its tokenizer in place,
-- so the index is copied into a new table that takes the old name. legacy_alter_table keeps
-- the rename from rewriting (or checking) the triggers that feed the index by that name.
CREATE VIRTUAL TABLE case_text_folded USING fts5(
    case_id UNINDEXED, body, tokenize = 'trigram remove_diacritics 1'
);
INSERT INTO case_text_folded(rowid, case_id, body) SELECT rowid, case_id, body FROM case_text;
DROP TABLE case_text;
PRAGMA legacy_alter_table = ON;
ALTER TABLE case_text_folded RENAME TO case_text;
PRAGMA legacy_alter_table = OFF;

PRAGMA user_version = 9;
