/*
 * Sync's side of the archive: the server's ids of feeds and items, the
 * sync state (server, session, newest article id, last sync), the
 * server's state applied, and the queue of local changes the triggers
 * of the schema fill.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store-sibling.h"
#include "sha1.h"
#include "store.h"
#include "util.h"

enum {
	SYNC_STATE_GET = STORE_SIBLING_SYNC,
	SYNC_STATE_LOGIN,
	SYNC_STATE_DONE,
	SYNC_FEED_BY_ID,
	SYNC_FEED_SET,
	SYNC_FEEDS,
	SYNC_FEED_DROP,
	SYNC_ITEM_BY_ID,
	SYNC_ITEM_BY_LINK,
	SYNC_ITEM_BY_GUID,
	SYNC_ITEM_SET,
	SYNC_IDS_ADD,
	SYNC_QUEUE_LIST,
	SYNC_QUEUE_DONE,
	SYNC_QUEUE_COUNT,
	SYNC_FEED_SERVER_ID,
	SYNC_FEED_HAS_LOCAL,
	SYNC_ITEM_LOCAL_GUIDS
};

static char *
store_sync_text(sqlite3_stmt *s, int col)
{
	const unsigned char	*t = sqlite3_column_text(s, col);

	return (t != NULL ? xstrdup((const char *)t) : NULL);
}

static void
store_sync_bind(sqlite3_stmt *s, int i, const char *text)
{
	if (text == NULL)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_text(s, i, text, -1, SQLITE_TRANSIENT);
}

int
store_sync_state_get(struct store *st, struct store_sync_state *ss)
{
	sqlite3_stmt	*s;
	int		 rc;

	memset(ss, 0, sizeof *ss);
	if ((s = store_sibling_stmt(st, SYNC_STATE_GET, "SELECT server, user,"
	    " api_level, session, last_id, last_sync, labels FROM sync_state"
	    " WHERE id = 1")) == NULL)
		return (-1);
	if ((rc = store_sibling_row(st, s)) != 1)
		return (rc);
	ss->server = store_sync_text(s, 0);
	ss->user = store_sync_text(s, 1);
	ss->api_level = sqlite3_column_int(s, 2);
	ss->session = store_sync_text(s, 3);
	ss->last_id = sqlite3_column_int64(s, 4);
	ss->last_sync = sqlite3_column_int64(s, 5);
	ss->labels = store_sync_text(s, 6);
	sqlite3_reset(s);
	return (0);
}

void
store_sync_state_free(struct store_sync_state *ss)
{
	free(ss->server);
	free(ss->user);
	free(ss->session);
	free(ss->labels);
	memset(ss, 0, sizeof *ss);
}

int
store_sync_state_login(struct store *st, const char *server,
    const char *user, int api_level, const char *session)
{
	sqlite3_stmt	*s;

	if ((s = store_sibling_stmt(st, SYNC_STATE_LOGIN, "INSERT INTO"
	    " sync_state (id, server, user, api_level, session)"
	    " VALUES (1, ?1, ?2, ?3, ?4) ON CONFLICT (id) DO UPDATE SET"
	    " server = coalesce(?1, server), user = coalesce(?2, user),"
	    " api_level = ?3, session = ?4")) == NULL)
		return (-1);
	store_sync_bind(s, 1, server);
	store_sync_bind(s, 2, user);
	sqlite3_bind_int(s, 3, api_level);
	store_sync_bind(s, 4, session);
	return (store_sibling_run(st, s));
}

int
store_sync_state_done(struct store *st, int64_t last_id, int64_t when,
    const char *labels)
{
	sqlite3_stmt	*s;

	if ((s = store_sibling_stmt(st, SYNC_STATE_DONE, "UPDATE sync_state"
	    " SET last_id = max(last_id, ?1), last_sync = ?2, labels = ?3"
	    " WHERE id = 1")) == NULL)
		return (-1);
	sqlite3_bind_int64(s, 1, last_id);
	sqlite3_bind_int64(s, 2, when);
	store_sync_bind(s, 3, labels);
	return (store_sibling_run(st, s));
}

int
store_sync_forget(struct store *st)
{
	int	 own, rc;

	if (store_sibling_begin(st, &own) != 0)
		return (-1);
	rc = store_sibling_exec(st, "UPDATE items SET sync_id = NULL"
	    " WHERE sync_id IS NOT NULL;"
	    "UPDATE feeds SET sync_id = NULL WHERE sync_id IS NOT NULL;"
	    "DELETE FROM sync_queue;"
	    "UPDATE sync_state SET last_id = 0, last_sync = 0, session = NULL,"
	    " labels = NULL");
	return (store_sibling_end(st, own, rc));
}

/* The id the one-column statement s finds: 0, 1 when none, -1. */
static int
store_sync_find(struct store *st, sqlite3_stmt *s, int64_t *id)
{
	int	 rc;

	if ((rc = store_sibling_row(st, s)) != 1)
		return (rc == 0 ? 1 : -1);
	*id = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return (0);
}

int
store_sync_feed_put(struct store *st, int64_t sync_id, const char *url,
    const char *title, const char *category, int64_t *id)
{
	sqlite3_stmt	*s;
	int		 rc;

	if ((s = store_sibling_stmt(st, SYNC_FEED_BY_ID, "SELECT id FROM feeds"
	    " WHERE sync_id = ?1")) == NULL)
		return (-1);
	sqlite3_bind_int64(s, 1, sync_id);
	if ((rc = store_sync_find(st, s, id)) < 0)
		return (-1);
	if (rc == 1 && store_feed_add(st, url, title, id) < 0)
		return (-1);
	if ((s = store_sibling_stmt(st, SYNC_FEED_SET, "UPDATE feeds SET"
	    " sync_id = ?2, removed = 0, title = coalesce(?3, title),"
	    " url = CASE WHEN EXISTS (SELECT 1 FROM feeds WHERE url = ?4)"
	    "  THEN url ELSE ?4 END WHERE id = ?1")) == NULL)
		return (-1);
	sqlite3_bind_int64(s, 1, *id);
	sqlite3_bind_int64(s, 2, sync_id);
	store_sync_bind(s, 3, title);
	store_sync_bind(s, 4, url);
	if (store_sibling_run(st, s) != 0)
		return (-1);
	if (category != NULL && *category != '\0')
		return (store_feed_tag(st, *id, category));
	return (0);
}

int
store_sync_feeds_keep(struct store *st, const int64_t *keep, size_t n)
{
	sqlite3_stmt	*s, *drop;
	int64_t		*gone = NULL, sid;
	size_t		 ngone = 0, i;
	int		 rc;

	if ((s = store_sibling_stmt(st, SYNC_FEEDS, "SELECT id, sync_id"
	    " FROM feeds WHERE sync_id IS NOT NULL")) == NULL)
		return (-1);
	while ((rc = store_sibling_row(st, s)) == 1) {
		sid = sqlite3_column_int64(s, 1);
		for (i = 0; i < n && keep[i] != sid; i++)
			;
		if (i == n) {
			gone = xreallocarray(gone, ngone + 1, sizeof *gone);
			gone[ngone++] = sqlite3_column_int64(s, 0);
		}
	}
	if (rc == 0 && ngone != 0 && (drop = store_sibling_stmt(st,
	    SYNC_FEED_DROP, "UPDATE feeds SET sync_id = NULL, removed = 1"
	    " WHERE id = ?1")) == NULL)
		rc = -1;
	for (i = 0; rc == 0 && i < ngone; i++) {
		sqlite3_bind_int64(drop, 1, gone[i]);
		rc = store_sibling_run(st, drop);
	}
	free(gone);
	return (rc);
}

int
store_sync_feed_ids(struct store *st, int64_t **ids, size_t *n)
{
	sqlite3_stmt	*s;
	int		 rc;

	*ids = NULL;
	*n = 0;
	if ((s = store_sibling_stmt(st, SYNC_FEEDS, "SELECT id, sync_id"
	    " FROM feeds WHERE sync_id IS NOT NULL")) == NULL)
		return (-1);
	while ((rc = store_sibling_row(st, s)) == 1) {
		*ids = xreallocarray(*ids, *n + 1, sizeof **ids);
		(*ids)[(*n)++] = sqlite3_column_int64(s, 0);
	}
	return (rc);
}

int
store_sync_feed_server_id(struct store *st, int64_t id, int64_t *sync_id)
{
	sqlite3_stmt	*s;

	if ((s = store_sibling_stmt(st, SYNC_FEED_SERVER_ID, "SELECT sync_id"
	    " FROM feeds WHERE id = ?1 AND sync_id IS NOT NULL")) == NULL)
		return (-1);
	sqlite3_bind_int64(s, 1, id);
	return (store_sync_find(st, s, sync_id));
}

int
store_sync_feed_has_local(struct store *st, int64_t id)
{
	sqlite3_stmt	*s;
	int64_t		 found;
	int		 rc;

	if ((s = store_sibling_stmt(st, SYNC_FEED_HAS_LOCAL, "SELECT 1 FROM"
	    " items WHERE feed_id = ?1 AND sync_id IS NULL LIMIT 1")) == NULL)
		return (-1);
	sqlite3_bind_int64(s, 1, id);
	rc = store_sync_find(st, s, &found);
	return (rc < 0 ? -1 : rc == 0);
}

/*
 * A local item of the feed whose guid has the server's guid hash
 * ("SHA1:" and the hex of the guid's SHA-1): 0, 1 when none, -1.
 */
static int
store_sync_item_by_hash(struct store *st, const struct store_sync_item *si,
    int64_t *id)
{
	sqlite3_stmt	*s;
	const char	*guid;
	char		 hex[41];
	int		 rc;

	if (si->guid_hash == NULL || strncmp(si->guid_hash, "SHA1:", 5) != 0)
		return (1);
	if ((s = store_sibling_stmt(st, SYNC_ITEM_LOCAL_GUIDS, "SELECT id,"
	    " guid FROM items WHERE feed_id = ?1 AND sync_id IS NULL")) ==
	    NULL)
		return (-1);
	sqlite3_bind_int64(s, 1, si->feed_id);
	while ((rc = store_sibling_row(st, s)) == 1) {
		guid = (const char *)sqlite3_column_text(s, 1);
		sha1_hex(guid, strlen(guid), hex);
		if (strcmp(hex, si->guid_hash + 5) == 0) {
			*id = sqlite3_column_int64(s, 0);
			sqlite3_reset(s);
			return (0);
		}
	}
	return (rc < 0 ? -1 : 1);
}

/* A local item the article is: by server id, link or guid; 0/1/-1. */
static int
store_sync_item_find(struct store *st, const struct store_sync_item *si,
    int64_t *id, int *known)
{
	sqlite3_stmt	*s;
	int		 rc;

	*known = 0;
	if ((s = store_sibling_stmt(st, SYNC_ITEM_BY_ID, "SELECT id FROM items"
	    " WHERE sync_id = ?1")) == NULL)
		return (-1);
	sqlite3_bind_int64(s, 1, si->sync_id);
	if ((rc = store_sync_find(st, s, id)) <= 0) {
		*known = rc == 0;
		return (rc);
	}
	if (!si->match_local)
		return (1);
	if ((rc = store_sync_item_by_hash(st, si, id)) != 1 ||
	    si->item->url == NULL)
		return (rc);
	if ((s = store_sibling_stmt(st, SYNC_ITEM_BY_LINK, "SELECT id FROM"
	    " items WHERE feed_id = ?1 AND sync_id IS NULL AND url = ?2"
	    " ORDER BY id LIMIT 1")) == NULL)
		return (-1);
	sqlite3_bind_int64(s, 1, si->feed_id);
	store_sync_bind(s, 2, si->item->url);
	return (store_sync_find(st, s, id));
}

static int
store_sync_item_set(struct store *st, int64_t id,
    const struct store_sync_item *si, int flags)
{
	sqlite3_stmt	*s;

	if ((s = store_sibling_stmt(st, SYNC_ITEM_SET, "UPDATE items SET"
	    " sync_id = ?2, read = CASE WHEN ?3 THEN ?4 ELSE read END,"
	    " starred = CASE WHEN ?3 THEN ?5 ELSE starred END"
	    " WHERE id = ?1")) == NULL)
		return (-1);
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, si->sync_id);
	sqlite3_bind_int(s, 3, flags);
	sqlite3_bind_int(s, 4, si->read);
	sqlite3_bind_int(s, 5, si->starred);
	return (store_sibling_run(st, s));
}

int
store_sync_item_put(struct store *st, const struct store_sync_item *si,
    int *added)
{
	sqlite3_stmt		*s;
	enum store_upsert	 res;
	int64_t			 id;
	int			 rc, known;

	*added = 0;
	if ((rc = store_sync_item_find(st, si, &id, &known)) < 0)
		return (-1);
	if (known)
		return (0);
	if (rc == 0)
		return (store_sync_item_set(st, id, si, 0));
	if (store_item_upsert(st, si->feed_id, si->item, si->text, &res) != 0)
		return (-1);
	if ((s = store_sibling_stmt(st, SYNC_ITEM_BY_GUID, "SELECT id FROM"
	    " items WHERE feed_id = ?1 AND guid = ?2")) == NULL)
		return (-1);
	sqlite3_bind_int64(s, 1, si->feed_id);
	store_sync_bind(s, 2, si->item->guid);
	if ((rc = store_sync_find(st, s, &id)) != 0)
		return (rc < 0 ? -1 : 0);	/* pruned here: stays out */
	*added = res == STORE_NEW;
	return (store_sync_item_set(st, id, si, 1));
}

int
store_sync_apply_begin(struct store *st)
{
	if (store_sibling_exec(st, "CREATE TEMP TABLE IF NOT EXISTS"
	    " sync_ids (id INTEGER PRIMARY KEY)") != 0 ||
	    store_begin(st) != 0)
		return (-1);
	if (store_sibling_exec(st, "UPDATE sync_state SET applying = 1")
	    != 0) {
		store_rollback(st);
		return (-1);
	}
	return (0);
}

int
store_sync_apply_end(struct store *st, int rc)
{
	if (rc == 0 && store_sibling_exec(st, "UPDATE sync_state SET"
	    " applying = 0") == 0 && store_commit(st) == 0)
		return (0);
	store_rollback(st);
	return (-1);
}

/* Fill temp.sync_ids with ids. */
static int
store_sync_ids(struct store *st, const int64_t *ids, size_t n)
{
	sqlite3_stmt	*s;
	size_t		 i;

	if (store_sibling_exec(st, "DELETE FROM temp.sync_ids") != 0 ||
	    (s = store_sibling_stmt(st, SYNC_IDS_ADD, "INSERT OR IGNORE INTO"
	    " temp.sync_ids (id) VALUES (?1)")) == NULL)
		return (-1);
	for (i = 0; i < n; i++) {
		sqlite3_bind_int64(s, 1, ids[i]);
		if (store_sibling_run(st, s) != 0)
			return (-1);
	}
	return (0);
}

int
store_sync_apply_flag(struct store *st, const char *field,
    const int64_t *ids, size_t n)
{
	char	*sql;
	int	 rc, read = strcmp(field, "read") == 0;

	if (!read && strcmp(field, "starred") != 0)
		return (store_sibling_fail(st, "no such flag"));
	if (store_sync_ids(st, ids, n) != 0)
		return (-1);
	/* The server lists unread ids: read is "not among them". */
	sql = xasprintf("UPDATE items SET %s = (sync_id %sIN (SELECT id FROM"
	    " temp.sync_ids)) WHERE sync_id IS NOT NULL AND %s IS NOT"
	    " (sync_id %sIN (SELECT id FROM temp.sync_ids)) AND NOT EXISTS"
	    " (SELECT 1 FROM sync_queue q WHERE q.item_id = items.id"
	    " AND q.field = '%s')", field, read ? "NOT " : "", field,
	    read ? "NOT " : "", field);
	rc = store_sibling_exec(st, sql);
	free(sql);
	return (rc);
}

/* Run sql with ?1 bound to text (prepared each time: rare). */
static int
store_sync_exec_text(struct store *st, const char *sql, const char *text)
{
	sqlite3_stmt	*s;
	int		 rc;

	rc = sqlite3_prepare_v2(store_sibling_db(st), sql, -1, &s, NULL);
	if (rc != SQLITE_OK)
		return (store_sibling_sqlfail(st, rc));
	sqlite3_bind_text(s, 1, text, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return (store_sibling_sqlfail(st, rc));
	return (0);
}

int
store_sync_apply_tag(struct store *st, const char *name, const int64_t *ids,
    size_t n)
{
	if (store_sync_ids(st, ids, n) != 0)
		return (-1);
	if (n != 0 && (store_sync_exec_text(st, "INSERT INTO tags (name)"
	    " SELECT ?1 WHERE NOT EXISTS (SELECT 1 FROM tags WHERE"
	    " name = ?1 COLLATE telex_nocase)", name) != 0 ||
	    store_sync_exec_text(st, "INSERT OR IGNORE INTO item_tags"
	    " (tag_id, item_id, date) SELECT (SELECT id FROM tags WHERE"
	    " name = ?1 COLLATE telex_nocase ORDER BY id LIMIT 1), i.id,"
	    " i.date FROM items i WHERE i.sync_id IN (SELECT id FROM"
	    " temp.sync_ids) AND NOT EXISTS (SELECT 1 FROM sync_queue q"
	    " WHERE q.item_id = i.id AND q.field = 'tag:' || ?1"
	    " COLLATE telex_nocase)", name) != 0))
		return (-1);
	return (store_sync_exec_text(st, "DELETE FROM item_tags WHERE tag_id IN"
	    " (SELECT id FROM tags WHERE name = ?1 COLLATE telex_nocase)"
	    " AND item_id IN (SELECT i.id FROM items i WHERE i.sync_id IS NOT"
	    " NULL AND i.sync_id NOT IN (SELECT id FROM temp.sync_ids)"
	    " AND NOT EXISTS (SELECT 1 FROM sync_queue q WHERE"
	    " q.item_id = i.id AND q.field = 'tag:' || ?1"
	    " COLLATE telex_nocase))", name));
}

int
store_sync_queue_list(struct store *st, struct store_sync_change **list,
    size_t *n)
{
	struct store_sync_change *c;
	sqlite3_stmt		*s;
	int			 rc;

	*list = NULL;
	*n = 0;
	if ((s = store_sibling_stmt(st, SYNC_QUEUE_LIST, "SELECT q.item_id,"
	    " i.sync_id, q.field, q.value, q.time FROM sync_queue q"
	    " JOIN items i ON i.id = q.item_id WHERE i.sync_id IS NOT NULL"
	    " ORDER BY q.field, q.value, i.sync_id")) == NULL)
		return (-1);
	while ((rc = store_sibling_row(st, s)) == 1) {
		*list = xreallocarray(*list, *n + 1, sizeof **list);
		c = &(*list)[(*n)++];
		c->item_id = sqlite3_column_int64(s, 0);
		c->sync_id = sqlite3_column_int64(s, 1);
		c->field = store_sync_text(s, 2);
		c->value = sqlite3_column_int(s, 3);
		c->time = sqlite3_column_int64(s, 4);
	}
	if (rc != 0) {
		store_sync_queue_free(*list, *n);
		*list = NULL;
		*n = 0;
	}
	return (rc);
}

void
store_sync_queue_free(struct store_sync_change *list, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(list[i].field);
	free(list);
}

/* Remove the changes sent, unless changed again since (a newer time). */
int
store_sync_queue_done(struct store *st, const struct store_sync_change *c,
    size_t n)
{
	sqlite3_stmt	*s;
	size_t		 i;
	int		 own, rc = 0;

	if ((s = store_sibling_stmt(st, SYNC_QUEUE_DONE, "DELETE FROM"
	    " sync_queue WHERE item_id = ?1 AND field = ?2 AND value = ?3"
	    " AND time <= ?4")) == NULL)
		return (-1);
	if (store_sibling_begin(st, &own) != 0)
		return (-1);
	for (i = 0; rc == 0 && i < n; i++) {
		sqlite3_bind_int64(s, 1, c[i].item_id);
		sqlite3_bind_text(s, 2, c[i].field, -1, SQLITE_STATIC);
		sqlite3_bind_int(s, 3, c[i].value);
		sqlite3_bind_int64(s, 4, c[i].time);
		rc = store_sibling_run(st, s);
	}
	return (store_sibling_end(st, own, rc));
}

int
store_sync_queue_count(struct store *st, int64_t *n)
{
	sqlite3_stmt	*s;

	*n = 0;
	if ((s = store_sibling_stmt(st, SYNC_QUEUE_COUNT, "SELECT count(*)"
	    " FROM sync_queue")) == NULL)
		return (-1);
	return (store_sync_find(st, s, n) < 0 ? -1 : 0);
}
