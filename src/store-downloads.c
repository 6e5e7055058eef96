/*
 * Enclosures downloaded: for each item and enclosure URL, the file it
 * went to, its size and whether it is whole (is:downloaded).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store-sibling.h"
#include "store.h"
#include "util.h"

enum {
	DOWNLOADS_GET = STORE_SIBLING_DOWNLOADS,
	DOWNLOADS_PUT
};

int
store_download_get(struct store *st, int64_t item_id, const char *url,
    struct store_download *d)
{
	sqlite3_stmt	*s;
	int		 rc;

	memset(d, 0, sizeof *d);
	if ((s = store_sibling_stmt(st, DOWNLOADS_GET, "SELECT path, size,"
	    " done FROM downloads WHERE item_id = ?1 AND url = ?2")) == NULL)
		return (-1);
	sqlite3_bind_int64(s, 1, item_id);
	sqlite3_bind_text(s, 2, url, -1, SQLITE_STATIC);
	if ((rc = store_sibling_row(st, s)) != 1)
		return (rc == 0 ? 1 : -1);
	d->item_id = item_id;
	d->url = xstrdup(url);
	d->path = xstrdup((const char *)sqlite3_column_text(s, 0));
	d->size = sqlite3_column_int64(s, 1);
	d->done = sqlite3_column_int(s, 2);
	sqlite3_reset(s);
	return (0);
}

int
store_download_put(struct store *st, const struct store_download *d)
{
	sqlite3_stmt	*s;

	if ((s = store_sibling_stmt(st, DOWNLOADS_PUT, "INSERT INTO downloads"
	    " (item_id, url, path, size, done) VALUES (?1, ?2, ?3, ?4, ?5)"
	    " ON CONFLICT (item_id, url) DO UPDATE SET path = ?3, size = ?4,"
	    " done = ?5")) == NULL)
		return (-1);
	sqlite3_bind_int64(s, 1, d->item_id);
	sqlite3_bind_text(s, 2, d->url, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, d->path, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, d->size);
	sqlite3_bind_int(s, 5, d->done);
	return (store_sibling_run(st, s));
}

void
store_download_free(struct store_download *d)
{
	free(d->url);
	free(d->path);
	memset(d, 0, sizeof *d);
}
