import importlib

from tracker.search.folding import fold, fold_table, words


def test_folding_keeps_every_offset():
    text = "Lajčák’s victim‑centred\u00a0“approach” İstanbul 🙂 ǅ"
    assert len(fold(text)) == len(text)
    assert fold("Lajčák’s victim‑centred") == "lajcak s victim centred"


def test_words_are_runs_of_letters_and_digits():
    assert [w for w, _, _ in words("Côte d’Ivoire, S/PV.8886")] == [
        "cote", "d", "ivoire", "s", "pv", "8886",
    ]  # fmt: skip


def test_the_search_migration_carries_the_current_folding_table():
    # A changed table needs a new migration that re-creates wb_search_document().
    migration = importlib.import_module("tracker.migrations.0003_search_index")
    assert (migration.FOLD_FROM, migration.FOLD_TO) == fold_table()
