/*
 * Checking an archive: SQLite's integrity check of every page and index,
 * items that lost their text, and FTS5's check that the full-text index
 * matches the items; mending the indexes and the texts.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store-sibling.h"
#include "util.h"

/* An integrity_check line about an index alone, which REINDEX mends. */
static int
store_check_index_line(const char *line)
{
	return (strstr(line, "missing from index") != NULL ||
	    strstr(line, "wrong # of entries in index") != NULL);
}

/*
 * Collect what PRAGMA integrity_check says other than "ok", then what to
 * do: REINDEX when only indexes lack entries, a backup when pages are hurt.
 * 1 when pages are hurt (then nothing else is worth checking), 0, or -1.
 */
static int
store_check_pages(struct store *st, struct buf *report)
{
	sqlite3_stmt	*s;
	const char	*line;
	int		 rc, lines = 0, pages = 0;

	rc = sqlite3_prepare_v2(store_sibling_db(st),
	    "PRAGMA integrity_check(20)", -1, &s, NULL);
	if (rc != SQLITE_OK)
		return (store_sibling_sqlfail(st, rc));
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		line = (const char *)sqlite3_column_text(s, 0);
		if (line == NULL || strcmp(line, "ok") == 0)
			continue;
		buf_printf(report, "page check: %s\n", line);
		lines++;
		pages += !store_check_index_line(line);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return (store_sibling_sqlfail(st, rc));
	if (lines != 0 && pages == 0)
		buf_adds(report, "an index lacks entries; telex check --repair "
		    "rebuilds the indexes\n");
	else if (pages != 0)
		buf_adds(report, "pages of the archive are damaged; --repair "
		    "cannot mend them: restore a backup, or copy out what is "
		    "readable with sqlite3 ARCHIVE .recover | sqlite3 NEW\n");
	return (pages != 0);
}

/* Items whose text (item_bodies row) is gone. */
static int
store_check_bodies(struct store *st, struct buf *report)
{
	sqlite3_stmt	*s;
	int		 rc;
	int64_t		 n, first;

	rc = sqlite3_prepare_v2(store_sibling_db(st), "SELECT count(*),"
	    " min(id) FROM items i WHERE NOT EXISTS (SELECT 1 FROM item_bodies"
	    " b WHERE b.item_id = i.id)", -1, &s, NULL);
	if (rc != SQLITE_OK)
		return (store_sibling_sqlfail(st, rc));
	if ((rc = sqlite3_step(s)) != SQLITE_ROW) {
		sqlite3_finalize(s);
		return (store_sibling_sqlfail(st, rc));
	}
	n = sqlite3_column_int64(s, 0);
	first = sqlite3_column_int64(s, 1);
	sqlite3_finalize(s);
	if (n != 0)
		buf_printf(report, "%lld items have lost their text (the first "
		    "is item %lld); telex check --repair keeps them without "
		    "text until their feed's next poll brings it back\n",
		    (long long)n, (long long)first);
	return (0);
}

static int
store_check_index(struct store *st, struct buf *report)
{
	int	 rc;

	rc = sqlite3_exec(store_sibling_db(st), "INSERT INTO items_fts"
	    "(items_fts, rank) VALUES('integrity-check', 1)", NULL, NULL, NULL);
	if (rc == SQLITE_CORRUPT_VTAB || rc == SQLITE_CORRUPT) {
		buf_adds(report, "the search index does not match the items; "
		    "telex check --repair rebuilds it\n");
		return (0);
	}
	if (rc != SQLITE_OK)
		return (store_sibling_sqlfail(st, rc));
	return (0);
}

int
store_check(struct store *st, char **report)
{
	struct buf	 b;
	int		 rc;

	*report = NULL;
	buf_init(&b, 0);
	if ((rc = store_check_pages(st, &b)) == 0 &&
	    (store_check_bodies(st, &b) != 0 || store_check_index(st, &b) != 0))
		rc = -1;
	if (rc < 0) {
		buf_free(&b);
		return (-1);
	}
	if (b.len == 0) {
		buf_free(&b);
		return (0);
	}
	*report = b.data;
	return (1);
}

/*
 * Mend what can be mended: rebuild every index, give items that lost their
 * text an empty one (hash 0, so the next poll of their feed rewrites it),
 * rebuild the search index.  Damaged pages are left for store_check to name.
 */
int
store_repair_index(struct store *st)
{
	int	 rc;

	rc = sqlite3_exec(store_sibling_db(st), "REINDEX;"
	    "INSERT INTO item_bodies (item_id, hash) SELECT id, 0 FROM items i"
	    " WHERE NOT EXISTS (SELECT 1 FROM item_bodies b"
	    " WHERE b.item_id = i.id);"
	    "INSERT INTO items_fts"
	    "(items_fts) VALUES('rebuild')", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return (store_sibling_sqlfail(st, rc));
	return (0);
}
