/*
 * Archived web pages in SQLite: the page of an item, its validators and
 * cleaned text, kept so that the index holds the page's words in place of
 * the feed's while the page has text.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store.h"
#include "store-pack.h"
#include "store-sibling.h"
#include "util.h"

enum store_pages_sql {
	PAGES_GET,
	PAGES_PUT,
	PAGES_CHECKED,
	PAGES_RETEXT,
	PAGES_ITEM_ARCHIVED,
	PAGES_BODY_RETEXT,
	PAGES_ITEM_SUMMARY,
	PAGES_ITEM_FLAGS,
	PAGES_PENDING,
	PAGES_COUNT
};

#define PAGES_COLUMNS \
	"item_id, url, final_url, html, charset, etag, last_modified," \
	" archived, checked, http_status, error, title, byline, published," \
	" site_name, lang, image, text, modified, image_alt"

static const char *store_pages_sql[PAGES_COUNT] = {
	[PAGES_GET] = "SELECT " PAGES_COLUMNS " FROM item_pages"
	    " WHERE item_id = ?1",
	[PAGES_PUT] = "INSERT INTO item_pages (" PAGES_COLUMNS ") VALUES"
	    " (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
	    " ?15, ?16, ?17, ?18, ?19, ?20) ON CONFLICT (item_id) DO UPDATE SET"
	    " url = excluded.url, final_url = excluded.final_url,"
	    " html = excluded.html, charset = excluded.charset,"
	    " etag = excluded.etag, last_modified = excluded.last_modified,"
	    " archived = excluded.archived, checked = excluded.checked,"
	    " http_status = excluded.http_status, error = excluded.error,"
	    " title = excluded.title, byline = excluded.byline,"
	    " published = excluded.published,"
	    " site_name = excluded.site_name, lang = excluded.lang,"
	    " image = excluded.image, text = excluded.text,"
	    " modified = excluded.modified, image_alt = excluded.image_alt",
	[PAGES_CHECKED] = "INSERT INTO item_pages (item_id, url, checked,"
	    " http_status, error) VALUES (?1, ?2, ?3, ?4, ?5)"
	    " ON CONFLICT (item_id) DO UPDATE SET checked = excluded.checked,"
	    " http_status = excluded.http_status, error = excluded.error,"
	    " archived = CASE WHEN excluded.error IS NULL"
	    "  THEN excluded.checked ELSE archived END",
	[PAGES_RETEXT] = "UPDATE item_pages SET title = ?2, byline = ?3,"
	    " published = ?4, site_name = ?5, lang = ?6, image = ?7,"
	    " text = ?8, modified = ?9, image_alt = ?10 WHERE item_id = ?1",
	[PAGES_ITEM_ARCHIVED] = "UPDATE items SET archived = coalesce("
	    "(SELECT text IS NOT NULL FROM item_pages WHERE item_id = ?1), 0)"
	    " WHERE id = ?1",
	[PAGES_BODY_RETEXT] = "UPDATE item_bodies SET text = ?2"
	    " WHERE item_id = ?1",
	/* The rule of store_summary_only in store.c, for recleaned text. */
	[PAGES_ITEM_SUMMARY] = "UPDATE items SET summary_only = (url IS NOT"
	    " NULL AND (?2 IS NULL OR (length(?2) < 600 AND length(?2) -"
	    " length(replace(replace(?2, ' ', ''), char(10), '')) < 80)))"
	    " WHERE id = ?1",
	[PAGES_ITEM_FLAGS] = "SELECT archived, summary_only FROM items"
	    " WHERE id = ?1",
	[PAGES_PENDING] = "SELECT i.id FROM items i WHERE i.feed_id = ?1"
	    " AND i.first_seen >= ?2 AND i.url IS NOT NULL AND NOT EXISTS"
	    " (SELECT 1 FROM item_pages p WHERE p.item_id = i.id)"
	    " ORDER BY i.id",
};

static sqlite3_stmt *
store_pages_stmt(struct store *st, enum store_pages_sql which)
{
	return (store_sibling_stmt(st, STORE_SIBLING_PAGES + which,
	    store_pages_sql[which]));
}

static void
store_pages_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
}

static char *
store_pages_column(sqlite3_stmt *s, int i)
{
	const unsigned char	*v;

	if ((v = sqlite3_column_text(s, i)) == NULL)
		return (NULL);
	return (xstrdup((const char *)v));
}

static void
store_page_from_row(sqlite3_stmt *s, struct store_page *p)
{
	p->item_id = sqlite3_column_int64(s, 0);
	p->url = store_pages_column(s, 1);
	p->final_url = store_pages_column(s, 2);
	p->html = store_pack_column(s, 3, NULL);
	p->charset = store_pages_column(s, 4);
	p->etag = store_pages_column(s, 5);
	p->last_modified = store_pages_column(s, 6);
	p->archived = sqlite3_column_int64(s, 7);
	p->checked = sqlite3_column_int64(s, 8);
	p->http_status = sqlite3_column_int(s, 9);
	p->error = store_pages_column(s, 10);
	p->title = store_pages_column(s, 11);
	p->byline = store_pages_column(s, 12);
	p->published = store_pages_column(s, 13);
	p->site_name = store_pages_column(s, 14);
	p->lang = store_pages_column(s, 15);
	p->image = store_pages_column(s, 16);
	p->text = store_pack_column(s, 17, NULL);
	p->modified = store_pages_column(s, 18);
	p->image_alt = store_pages_column(s, 19);
}

int
store_page_get(struct store *st, int64_t item_id, struct store_page *p)
{
	sqlite3_stmt	*s;
	int		 rc;

	memset(p, 0, sizeof *p);
	if ((s = store_pages_stmt(st, PAGES_GET)) == NULL)
		return (-1);
	sqlite3_bind_int64(s, 1, item_id);
	if ((rc = store_sibling_row(st, s)) != 1)
		return (rc == 0 ? 1 : -1);
	store_page_from_row(s, p);
	sqlite3_reset(s);
	return (0);
}

void
store_page_free(struct store_page *p)
{
	free(p->url);
	free(p->final_url);
	free(p->html);
	free(p->charset);
	free(p->etag);
	free(p->last_modified);
	free(p->error);
	free(p->title);
	free(p->byline);
	free(p->published);
	free(p->site_name);
	free(p->lang);
	free(p->image);
	free(p->text);
	free(p->modified);
	free(p->image_alt);
	memset(p, 0, sizeof *p);
}

/*
 * Bind the cleaner's fields, from ?first on: title ... image, text,
 * then modified and image_alt.
 */
static void
store_pages_bind_clean(sqlite3_stmt *s, int first, const struct store_page *p,
    const struct store_packed *text_pk)
{
	store_pages_text(s, first, p->title);
	store_pages_text(s, first + 1, p->byline);
	store_pages_text(s, first + 2, p->published);
	store_pages_text(s, first + 3, p->site_name);
	store_pages_text(s, first + 4, p->lang);
	store_pages_text(s, first + 5, p->image);
	store_pack_bind(s, first + 6, p->text, text_pk);
	store_pages_text(s, first + 7, p->modified);
	store_pages_text(s, first + 8, p->image_alt);
}

/* Fail with words for people when there is no item item_id. */
static int
store_pages_exists(struct store *st, int64_t item_id)
{
	char	*why;
	int	 archived, summary_only, rc;

	if ((rc = store_item_flags(st, item_id, &archived,
	    &summary_only)) != 1)
		return (rc);
	why = xasprintf("there is no item %lld in the archive",
	    (long long)item_id);
	rc = store_sibling_fail(st, why);
	free(why);
	return (rc);
}

/* Mark the item archived or not, as its page's text says. */
static int
store_pages_flag(struct store *st, int64_t item_id)
{
	sqlite3_stmt	*s;

	if ((s = store_pages_stmt(st, PAGES_ITEM_ARCHIVED)) == NULL)
		return (-1);
	sqlite3_bind_int64(s, 1, item_id);
	return (store_sibling_run(st, s));
}

static int
store_pages_bind_put(struct store *st, const struct store_page *p)
{
	struct store_packed	 hp, tp;
	sqlite3_stmt		*s;
	size_t			 hlen;
	int			 rc;

	if ((s = store_pages_stmt(st, PAGES_PUT)) == NULL)
		return (-1);
	/*
	 * The page and its text packed apart: the text is a small part of
	 * a page, and a page's text is recleaned without the page.
	 */
	hlen = p->html != NULL ? strlen(p->html) : 0;
	store_pack(p->html, hlen, NULL, 0, &hp);
	memset(&tp, 0, sizeof tp);
	if (p->text != NULL)
		store_pack(p->text, strlen(p->text), NULL, 0, &tp);
	sqlite3_bind_int64(s, 1, p->item_id);
	store_pages_text(s, 2, p->url != NULL ? p->url : "");
	store_pages_text(s, 3, p->final_url);
	store_pack_bind(s, 4, p->html, &hp);
	store_pages_text(s, 5, p->charset);
	store_pages_text(s, 6, p->etag);
	store_pages_text(s, 7, p->last_modified);
	sqlite3_bind_int64(s, 8, p->archived);
	sqlite3_bind_int64(s, 9, p->checked);
	sqlite3_bind_int(s, 10, p->http_status);
	store_pages_text(s, 11, p->error);
	store_pages_bind_clean(s, 12, p, &tp);
	rc = store_sibling_run(st, s);
	store_packed_free(&hp);
	store_packed_free(&tp);
	return (rc);
}

/*
 * Store a page and what the cleaner made of it, replacing any page the
 * item had; the item's index entry follows the new text.
 */
int
store_page_put(struct store *st, const struct store_page *p)
{
	int	 own, rc = -1;

	if (store_sibling_begin(st, &own) != 0)
		return (-1);
	if (store_pages_exists(st, p->item_id) != 0 ||
	    store_sibling_fts_out(st, p->item_id) != 0 ||
	    store_pages_bind_put(st, p) != 0 ||
	    store_pages_flag(st, p->item_id) != 0 ||
	    store_sibling_fts_in(st, p->item_id) != 0)
		goto out;
	rc = 0;
out:
	return (store_sibling_end(st, own, rc));
}

/*
 * Record an attempt that brought no new page: a 304 (error NULL: the
 * stored page is still current) or a failure.  Text and index stay.
 */
int
store_page_checked(struct store *st, int64_t item_id, const char *url,
    int64_t when, int http_status, const char *error)
{
	sqlite3_stmt	*s;

	if (store_pages_exists(st, item_id) != 0 ||
	    (s = store_pages_stmt(st, PAGES_CHECKED)) == NULL)
		return (-1);
	sqlite3_bind_int64(s, 1, item_id);
	store_pages_text(s, 2, url != NULL ? url : "");
	sqlite3_bind_int64(s, 3, when);
	sqlite3_bind_int(s, 4, http_status);
	store_pages_text(s, 5, error);
	return (store_sibling_run(st, s));
}

/* Replace the cleaned text and metadata of a stored page. */
int
store_page_retext(struct store *st, const struct store_page *p)
{
	struct store_packed	 tp;
	sqlite3_stmt		*s;
	int			 own, ran, rc = -1;

	if (store_sibling_begin(st, &own) != 0)
		return (-1);
	if (store_pages_exists(st, p->item_id) != 0 ||
	    store_sibling_fts_out(st, p->item_id) != 0 ||
	    (s = store_pages_stmt(st, PAGES_RETEXT)) == NULL)
		goto out;
	/* The stored page stays: the new text is packed alone. */
	memset(&tp, 0, sizeof tp);
	if (p->text != NULL)
		store_pack(p->text, strlen(p->text), NULL, 0, &tp);
	sqlite3_bind_int64(s, 1, p->item_id);
	store_pages_bind_clean(s, 2, p, &tp);
	ran = store_sibling_run(st, s);
	store_packed_free(&tp);
	if (ran != 0 ||
	    store_pages_flag(st, p->item_id) != 0 ||
	    store_sibling_fts_in(st, p->item_id) != 0)
		goto out;
	rc = 0;
out:
	return (store_sibling_end(st, own, rc));
}

/* Replace the cleaned text of an item's feed HTML. */
int
store_item_retext(struct store *st, int64_t item_id, const char *text)
{
	struct store_packed	 tp;
	sqlite3_stmt		*s;
	int			 own, ran, rc = -1;

	if (store_sibling_begin(st, &own) != 0)
		return (-1);
	if (store_pages_exists(st, item_id) != 0 ||
	    store_sibling_fts_out(st, item_id) != 0 ||
	    (s = store_pages_stmt(st, PAGES_BODY_RETEXT)) == NULL)
		goto out;
	/* The feed's HTML stays: the new text is packed alone. */
	memset(&tp, 0, sizeof tp);
	if (text != NULL)
		store_pack(text, strlen(text), NULL, 0, &tp);
	sqlite3_bind_int64(s, 1, item_id);
	store_pack_bind(s, 2, text, &tp);
	ran = store_sibling_run(st, s);
	store_packed_free(&tp);
	if (ran != 0 ||
	    (s = store_pages_stmt(st, PAGES_ITEM_SUMMARY)) == NULL)
		goto out;
	sqlite3_bind_int64(s, 1, item_id);
	store_pages_text(s, 2, text);
	if (store_sibling_run(st, s) != 0 ||
	    store_sibling_fts_in(st, item_id) != 0)
		goto out;
	rc = 0;
out:
	return (store_sibling_end(st, own, rc));
}

/* 0 with the flags, 1 when there is no such item, -1 on error. */
int
store_item_flags(struct store *st, int64_t item_id, int *archived,
    int *summary_only)
{
	sqlite3_stmt	*s;
	int		 rc;

	*archived = *summary_only = 0;
	if ((s = store_pages_stmt(st, PAGES_ITEM_FLAGS)) == NULL)
		return (-1);
	sqlite3_bind_int64(s, 1, item_id);
	if ((rc = store_sibling_row(st, s)) != 1)
		return (rc == 0 ? 1 : -1);
	*archived = sqlite3_column_int(s, 0);
	*summary_only = sqlite3_column_int(s, 1);
	sqlite3_reset(s);
	return (0);
}

/* The ids (caller frees) of a feed's items since a time with no page. */
int
store_pages_pending(struct store *st, int64_t feed_id, int64_t since,
    int64_t **ids, size_t *n)
{
	sqlite3_stmt	*s;
	int		 rc;

	*ids = NULL;
	*n = 0;
	if ((s = store_pages_stmt(st, PAGES_PENDING)) == NULL)
		return (-1);
	sqlite3_bind_int64(s, 1, feed_id);
	sqlite3_bind_int64(s, 2, since);
	while ((rc = store_sibling_row(st, s)) == 1) {
		*ids = xreallocarray(*ids, *n + 1, sizeof **ids);
		(*ids)[(*n)++] = sqlite3_column_int64(s, 0);
	}
	if (rc == 0)
		return (0);
	free(*ids);
	*ids = NULL;
	*n = 0;
	return (-1);
}
