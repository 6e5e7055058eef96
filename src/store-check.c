/*
 * Checking an archive: SQLite's integrity check of every page and index,
 * and FTS5's check that the full-text index matches the items.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store-sibling.h"
#include "util.h"

/* Collect what PRAGMA integrity_check says other than "ok". */
static int
store_check_pages(struct store *st, struct buf *report)
{
	sqlite3_stmt	*s;
	const char	*line;
	int		 rc;

	rc = sqlite3_prepare_v2(store_sibling_db(st),
	    "PRAGMA integrity_check(20)", -1, &s, NULL);
	if (rc != SQLITE_OK)
		return (store_sibling_sqlfail(st, rc));
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		line = (const char *)sqlite3_column_text(s, 0);
		if (line != NULL && strcmp(line, "ok") != 0)
			buf_printf(report, "page check: %s\n", line);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return (store_sibling_sqlfail(st, rc));
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

	*report = NULL;
	buf_init(&b, 0);
	if (store_check_pages(st, &b) != 0 || store_check_index(st, &b) != 0) {
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

int
store_repair_index(struct store *st)
{
	int	 rc;

	rc = sqlite3_exec(store_sibling_db(st), "INSERT INTO items_fts"
	    "(items_fts) VALUES('rebuild')", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return (store_sibling_sqlfail(st, rc));
	return (0);
}
