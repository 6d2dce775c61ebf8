"""Full-text search of statement text, in each database's own engine.

PostgreSQL: wb_search_document(text) folds typography with translate() (the table of
tracker/search/folding.py, copied here as it was when this migration was written) and
makes a 'simple' tsvector (no stemming, no stop words: what was said, word for word);
a GIN index on that expression answers `wb_search_document(text) @@ to_tsquery(...)`.
An expression index cannot fall out of step with the text.

SQLite: an FTS5 table over tracker_statement (external content, no copy of the text),
kept in step by triggers on insert, update and delete; unicode61 with
remove_diacritics 2 treats every dash, quote and space as a separator and ignores accents.

Changing the folding table means a new migration that re-creates the function (and so
the index); tests/tracker/search/ checks that this copy is the current table.
"""

from django.db import migrations

FOLD_FROM = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~\xa0¡¢£¤¥¦§¨©ª«¬®¯°±²³´¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖ×ØÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõö÷øùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥħĨĩĪīĬĭĮįİıĲĳĴĵĶķĹĺĻļĽľĿŀŁłŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžſƠơƯưǄǅǆǇǈǉǊǋǌǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬǭǰǱǲǳǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳ\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a‐‑‒–—―‖‗‘’‚‛“”„‟†‡•‣․‥…‧\u2028\u2029\u202f‰‱′″‴‵‶‷‸‹›※‼‽‾‿⁀⁁⁂⁃⁄⁅⁆⁇⁈⁉⁊⁋⁌⁍⁎⁏⁐⁑⁒⁓⁔⁕⁖⁗⁘⁙⁚⁛⁜⁝⁞\u205f−'
FOLD_TO = '                                          a      23    1o 113 aaaaaaceeeeiiiinooooo ouuuuyaaaaaaceeeeiiiinooooo ouuuuyyaaaaaaccccccccddddeeeeeeeeeegggggggghhhiiiiiiiiiiiijjkkllllllllllnnnnnnoooooorrrrrrssssssssttttuuuuuuuuuuuuwwyyyzzzzzzsoouudddlllnnnaaiioouuuuuuuuuuaaaaggkkoooojdddggnnaaaaaaeeeeiiiioooorrrruuuusstthhaaeeooooooooyy                                                                                       '


def _quoted(value):
    return "'" + value.replace("'", "''") + "'"


POSTGRESQL_FORWARD = [
    f"""
    CREATE FUNCTION wb_search_document(body text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN to_tsvector('simple'::regconfig, translate(body, {_quoted(FOLD_FROM)}, {_quoted(FOLD_TO)}))
    """,
    "CREATE INDEX statement_search_gin ON tracker_statement USING GIN (wb_search_document(text))",
]
POSTGRESQL_BACKWARD = [
    "DROP INDEX IF EXISTS statement_search_gin",
    "DROP FUNCTION IF EXISTS wb_search_document(text)",
]
SQLITE_FORWARD = [
    """
    CREATE VIRTUAL TABLE statement_fts USING fts5(
        text, content='tracker_statement', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    )
    """,
    """
    CREATE TRIGGER statement_fts_insert AFTER INSERT ON tracker_statement BEGIN
        INSERT INTO statement_fts(rowid, text) VALUES (new.id, new.text);
    END
    """,
    """
    CREATE TRIGGER statement_fts_delete AFTER DELETE ON tracker_statement BEGIN
        INSERT INTO statement_fts(statement_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END
    """,
    """
    CREATE TRIGGER statement_fts_update AFTER UPDATE OF text ON tracker_statement BEGIN
        INSERT INTO statement_fts(statement_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO statement_fts(rowid, text) VALUES (new.id, new.text);
    END
    """,
    "INSERT INTO statement_fts(statement_fts) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS statement_fts_update",
    "DROP TRIGGER IF EXISTS statement_fts_delete",
    "DROP TRIGGER IF EXISTS statement_fts_insert",
    "DROP TABLE IF EXISTS statement_fts",
]
STATEMENTS = {
    "postgresql": (POSTGRESQL_FORWARD, POSTGRESQL_BACKWARD),
    "sqlite": (SQLITE_FORWARD, SQLITE_BACKWARD),
}


def _run(schema_editor, direction):
    # Other databases get no index: search then says it is not available.
    for sql in STATEMENTS.get(schema_editor.connection.vendor, ([], []))[direction]:
        schema_editor.execute(sql, params=None)  # no placeholders: the table has a %


def forward(apps, schema_editor):
    _run(schema_editor, 0)


def backward(apps, schema_editor):
    _run(schema_editor, 1)


class Migration(migrations.Migration):
    dependencies = [("tracker", "0002_delegations")]

    operations = [migrations.RunPython(forward, backward)]
