/*
 * newsboat's cache.db read with SQLite, read-only (its schema as newsboat
 * 2.x writes it: rss_feed and rss_item), and the feed titles and tags an
 * import or a sync sets.  A title the user chose is marked in meta under
 * "title:ID", which the poll's update reads to keep it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "date.h"
#include "store-newsboat.h"
#include "store-sibling.h"
#include "util.h"

enum {
	NEWSBOAT_TITLE_SET = STORE_SIBLING_NEWSBOAT,
	NEWSBOAT_TITLE_MARK,
	NEWSBOAT_TITLE_UNMARK,
	NEWSBOAT_TITLE_IS_SET,
	NEWSBOAT_TAGS_CLEAR,
	NEWSBOAT_TAGS_ORPHANS,
	NEWSBOAT_ITEM_STATE,
	NEWSBOAT_ITEM_ID
};

#define NEWSBOAT_ITEMS "SELECT guid, title, author, url, pubDate, content," \
	" unread, enclosure_url, enclosure_type, flags, deleted, base" \
	" FROM rss_item WHERE feedurl = ?1 ORDER BY id"

struct store_newsboat {
	sqlite3		*db;
	sqlite3_stmt	*items;
	sqlite3_stmt	*title;
	char		*path;
};

static char *
store_newsboat_why(const char *path, sqlite3 *db)
{
	return (xasprintf("cannot read newsboat's cache %s: %s", path,
	    db != NULL ? sqlite3_errmsg(db) : "out of memory"));
}

int
store_newsboat_open(const char *path, struct store_newsboat **out,
    char **cause)
{
	struct store_newsboat	*nb;

	*out = NULL;
	nb = xcalloc(1, sizeof *nb);
	nb->path = xstrdup(path);
	if (sqlite3_open_v2(path, &nb->db, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK) {
		*cause = store_newsboat_why(path, nb->db);
		goto fail;
	}
	sqlite3_busy_timeout(nb->db, 5000);
	if (sqlite3_prepare_v2(nb->db, NEWSBOAT_ITEMS, -1, &nb->items,
	    NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(nb->db, "SELECT title FROM rss_feed"
	    " WHERE rssurl = ?1", -1, &nb->title, NULL) != SQLITE_OK) {
		*cause = xasprintf("%s is not newsboat's cache (%s); give the "
		    "folder that holds newsboat's urls and cache.db", path,
		    sqlite3_errmsg(nb->db));
		goto fail;
	}
	*out = nb;
	return (0);
fail:
	store_newsboat_close(nb);
	return (-1);
}

void
store_newsboat_close(struct store_newsboat *nb)
{
	if (nb == NULL)
		return;
	sqlite3_finalize(nb->items);
	sqlite3_finalize(nb->title);
	sqlite3_close(nb->db);
	free(nb->path);
	free(nb);
}

/* A text column, NULL when empty. */
static char *
store_newsboat_text(sqlite3_stmt *s, int col)
{
	const char	*t = (const char *)sqlite3_column_text(s, col);

	return (t != NULL && *t != '\0' ? (char *)t : NULL);
}

char *
store_newsboat_feed_title(struct store_newsboat *nb, const char *url)
{
	char	*title = NULL, *t;

	sqlite3_bind_text(nb->title, 1, url, -1, SQLITE_STATIC);
	if (sqlite3_step(nb->title) == SQLITE_ROW &&
	    (t = store_newsboat_text(nb->title, 0)) != NULL)
		title = xstrdup(t);
	sqlite3_reset(nb->title);
	return (title);
}

/* Fill the item from the current row (strings borrowed from it). */
static void
store_newsboat_row(sqlite3_stmt *s, struct store_newsboat_item *it,
    struct feed_enclosure *enc)
{
	int64_t	 date;

	memset(it, 0, sizeof *it);
	it->item.guid = store_newsboat_text(s, 0);
	it->item.title = store_newsboat_text(s, 1);
	it->item.author = store_newsboat_text(s, 2);
	it->item.url = store_newsboat_text(s, 3);
	date = sqlite3_column_int64(s, 4);
	it->item.published = date > 0 ? date : DATE_NONE;
	it->item.updated = DATE_NONE;
	it->item.html = store_newsboat_text(s, 5);
	it->unread = sqlite3_column_int(s, 6) != 0;
	if ((enc->url = store_newsboat_text(s, 7)) != NULL) {
		enc->type = store_newsboat_text(s, 8);
		enc->length = -1;
		it->item.enclosures = enc;
		it->item.nenclosures = 1;
	}
	it->flags = store_newsboat_text(s, 9);
	it->deleted = sqlite3_column_int(s, 10) != 0;
	if ((it->item.base = store_newsboat_text(s, 11)) == NULL)
		it->item.base = it->item.url;
	if (it->item.guid == NULL)
		it->item.guid = it->item.url;
}

int
store_newsboat_items(struct store_newsboat *nb, const char *url,
    store_newsboat_cb cb, void *arg, char **cause)
{
	struct store_newsboat_item	 it;
	struct feed_enclosure		 enc;
	int				 rc;

	sqlite3_bind_text(nb->items, 1, url, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(nb->items)) == SQLITE_ROW) {
		store_newsboat_row(nb->items, &it, &enc);
		if (it.item.guid == NULL)
			continue;
		if (cb(&it, arg) != 0)
			break;
	}
	sqlite3_reset(nb->items);
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return (0);
	*cause = store_newsboat_why(nb->path, nb->db);
	return (-1);
}

int
store_newsboat_count(struct store_newsboat *nb, int64_t *n)
{
	sqlite3_stmt	*s;
	int		 rc = -1;

	*n = 0;
	if (sqlite3_prepare_v2(nb->db, "SELECT count(*) FROM rss_item", -1,
	    &s, NULL) != SQLITE_OK)
		return (-1);
	if (sqlite3_step(s) == SQLITE_ROW) {
		*n = sqlite3_column_int64(s, 0);
		rc = 0;
	}
	sqlite3_finalize(s);
	return (rc);
}

int
store_feed_title_set(struct store *st, int64_t id, const char *title)
{
	sqlite3_stmt	*s;
	int		 own, rc = -1;

	if (store_sibling_begin(st, &own) != 0)
		return (-1);
	if (title != NULL) {
		if ((s = store_sibling_stmt(st, NEWSBOAT_TITLE_SET, "UPDATE"
		    " feeds SET title = ?2 WHERE id = ?1")) == NULL)
			goto out;
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_text(s, 2, title, -1, SQLITE_STATIC);
		if (store_sibling_run(st, s) != 0 ||
		    (s = store_sibling_stmt(st, NEWSBOAT_TITLE_MARK, "INSERT OR"
		    " REPLACE INTO meta (key, value) VALUES ('title:' || ?1,"
		    " 1)")) == NULL)
			goto out;
	} else if ((s = store_sibling_stmt(st, NEWSBOAT_TITLE_UNMARK, "DELETE"
	    " FROM meta WHERE key = 'title:' || ?1")) == NULL)
		goto out;
	sqlite3_bind_int64(s, 1, id);
	rc = store_sibling_run(st, s);
out:
	return (store_sibling_end(st, own, rc));
}

int
store_feed_title_is_set(struct store *st, int64_t id)
{
	sqlite3_stmt	*s;
	int		 rc;

	if ((s = store_sibling_stmt(st, NEWSBOAT_TITLE_IS_SET, "SELECT 1 FROM"
	    " meta WHERE key = 'title:' || ?1")) == NULL)
		return (-1);
	sqlite3_bind_int64(s, 1, id);
	rc = store_sibling_row(st, s);
	sqlite3_reset(s);
	return (rc);
}

int
store_feed_tags_set(struct store *st, int64_t id, char *const *tags,
    size_t n)
{
	sqlite3_stmt	*s;
	size_t		 i;
	int		 own, rc = -1;

	if (store_sibling_begin(st, &own) != 0)
		return (-1);
	if ((s = store_sibling_stmt(st, NEWSBOAT_TAGS_CLEAR, "DELETE FROM"
	    " feed_tags WHERE feed_id = ?1")) == NULL)
		goto out;
	sqlite3_bind_int64(s, 1, id);
	if (store_sibling_run(st, s) != 0)
		goto out;
	for (i = 0; i < n; i++) {
		if (store_feed_tag(st, id, tags[i]) != 0)
			goto out;
	}
	if ((s = store_sibling_stmt(st, NEWSBOAT_TAGS_ORPHANS, "DELETE FROM"
	    " tags WHERE NOT EXISTS (SELECT 1 FROM feed_tags WHERE tag_id ="
	    " tags.id) AND NOT EXISTS (SELECT 1 FROM item_tags WHERE"
	    " tag_id = tags.id)")) == NULL)
		goto out;
	rc = store_sibling_run(st, s);
out:
	return (store_sibling_end(st, own, rc));
}

int
store_item_state_set(struct store *st, int64_t feed_id, const char *guid,
    int read, int starred, int hidden, int64_t *id)
{
	sqlite3_stmt	*s;
	int		 rc;

	*id = 0;
	if ((s = store_sibling_stmt(st, NEWSBOAT_ITEM_STATE, "UPDATE items"
	    " SET read = ?3, starred = ?4, hidden = ?5"
	    " WHERE feed_id = ?1 AND guid = ?2")) == NULL)
		return (-1);
	sqlite3_bind_int64(s, 1, feed_id);
	sqlite3_bind_text(s, 2, guid, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 3, read != 0);
	sqlite3_bind_int(s, 4, starred != 0);
	sqlite3_bind_int(s, 5, hidden != 0);
	if (store_sibling_run(st, s) != 0 ||
	    (s = store_sibling_stmt(st, NEWSBOAT_ITEM_ID, "SELECT id FROM"
	    " items WHERE feed_id = ?1 AND guid = ?2")) == NULL)
		return (-1);
	sqlite3_bind_int64(s, 1, feed_id);
	sqlite3_bind_text(s, 2, guid, -1, SQLITE_STATIC);
	if ((rc = store_sibling_row(st, s)) == 1)
		*id = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return (rc < 0 ? -1 : 0);
}
