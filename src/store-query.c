/*
 * Queries against the archive: a filter and its query tree compiled into
 * one statement whose user text is all bound (full-text parts as FTS5
 * expressions with every word quoted), then lists, ranked search, tags,
 * marks and rules.  Statements are kept by their SQL text for reuse.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "query.h"
#include "store-sibling.h"
#include "store.h"
#include "util.h"

#define STORE_QUERY_SQL_MAX	(1024 * 1024)
#define STORE_QUERY_CACHE	32	/* statements kept, by SQL text */
#define STORE_QUERY_CACHE_SQL	16384	/* longer ones are not kept */
#define STORE_QUERY_SNIPPET	"12"	/* tokens around the matches */
#define STORE_QUERY_OPEN	"\xee\x80\x80"	/* U+E000 */
#define STORE_QUERY_CLOSE	"\xee\x80\x81"	/* U+E001 */
/* Relevance halves for an item two years old. */
#define STORE_QUERY_AGE_SCALE	"63072000.0"
/* Matches ranked by default, the newest (see store_filter.window). */
#define STORE_QUERY_WINDOW	2000

#define STORE_QUERY_FROM " FROM items i JOIN feeds f ON f.id = i.feed_id"
#define STORE_QUERY_IN_FTS \
	"i.id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?)"

enum {
	SLOT_TAG_NEW = STORE_SIBLING_QUERY,
	SLOT_TAG_ORPHAN,
	SLOT_TAGS,
	SLOT_SAVED_PUT,
	SLOT_SAVED_FIND,
	SLOT_SAVED_RM,
	SLOT_SAVED_LIST,
	SLOT_MAX_ID,
	SLOT_TAG_SIZE,
	SLOT_PRUNE_COUNT,
	SLOT_PRUNE_REMEMBER,
	SLOT_PRUNE_FTS,
	SLOT_PRUNE_DELETE
};

struct store_query_bind {
	char	*text;		/* NULL: number */
	int64_t	 number;
};

/* A statement being built: its text and its parameters in order. */
struct store_query_sql {
	struct buf			 sql;
	struct store_query_bind		*binds;
	size_t				 nbinds;
	int64_t				 now;
	int64_t				 after_id;	/* rules: ids above; -1 */
	/*
	 * How a list reads a tag (store_query_plan): a tag whose index
	 * drives it (x is its item_tags rows), and a sparse tag read as one
	 * list of its items.  Each is the text of the query's tag: term
	 * (then driver_term) or of the tag field.
	 */
	const char			*driver;
	const struct query		*driver_term;
	const char			*sparse;
};

/* A statement kept for reuse, and when it was last taken. */
struct store_query_kept {
	sqlite3_stmt	*stmt;
	char		*sql;
	size_t		 len;
	uint64_t	 used;
};

struct store_query_cache {
	struct store_query_kept	 kept[STORE_QUERY_CACHE];
	uint64_t		 clock;
};

static void	store_query_init_after(struct store_query_sql *, int64_t);

static void
store_query_init(struct store_query_sql *c)
{
	store_query_init_after(c, -1);
}

/* For rules: only items above after_id, hidden ones included. */
static void
store_query_init_after(struct store_query_sql *c, int64_t after_id)
{
	memset(c, 0, sizeof *c);
	c->after_id = after_id;
	buf_init(&c->sql, STORE_QUERY_SQL_MAX);
	c->now = util_now();
}

static void
store_query_clear(struct store_query_sql *c)
{
	size_t	 i;

	for (i = 0; i < c->nbinds; i++)
		free(c->binds[i].text);
	free(c->binds);
	buf_free(&c->sql);
}

/* Add SQL text with one "?" for a text (owned) or, if NULL, a number. */
static void
store_query_param(struct store_query_sql *c, const char *sql, char *text,
    int64_t number)
{
	buf_adds(&c->sql, sql);
	c->binds = xreallocarray(c->binds, c->nbinds + 1, sizeof *c->binds);
	c->binds[c->nbinds].text = text;
	c->binds[c->nbinds].number = number;
	c->nbinds++;
}

/* Is q made only of full-text terms that FTS5 can evaluate alone? */
static int
store_query_is_fts(const struct query *q)
{
	size_t	 i, positive = 0;

	switch (q->kind) {
	case QUERY_TEXT:
		return (1);
	case QUERY_OR:
		for (i = 0; i < q->nchildren; i++) {
			if (!store_query_is_fts(q->children[i]))
				return (0);
		}
		return (1);
	case QUERY_AND:
		for (i = 0; i < q->nchildren; i++) {
			if (q->children[i]->kind == QUERY_NOT) {
				if (!store_query_is_fts(
				    q->children[i]->children[0]))
					return (0);
			} else if (store_query_is_fts(q->children[i]))
				positive++;
			else
				return (0);
		}
		return (positive > 0);
	default:
		return (0);
	}
}

/* One term for FTS5: {column} : "text with "" doubled" *. */
static void
store_query_fts_term(struct buf *b, const struct query *q)
{
	const char	*p;

	if (q->field == QUERY_TITLE)
		buf_adds(b, "{title} : ");
	else if (q->field == QUERY_AUTHOR)
		buf_adds(b, "{author} : ");
	buf_addc(b, '"');
	for (p = q->text; *p != '\0'; p++) {
		if (*p == '"')
			buf_addc(b, '"');
		buf_addc(b, *p);
	}
	buf_addc(b, '"');
	if (q->prefix)
		buf_adds(b, " *");
}

static void	store_query_fts(struct buf *, const struct query *);

/* Children of an AND: the positive ones ANDed, then NOT each other. */
static void
store_query_fts_and(struct buf *b, struct query *const *children, size_t n)
{
	size_t	 i;
	int	 first = 1;

	buf_addc(b, '(');
	for (i = 0; i < n; i++) {
		if (children[i]->kind == QUERY_NOT)
			continue;
		if (!first)
			buf_adds(b, " AND ");
		store_query_fts(b, children[i]);
		first = 0;
	}
	buf_addc(b, ')');
	for (i = 0; i < n; i++) {
		if (children[i]->kind != QUERY_NOT)
			continue;
		buf_adds(b, " NOT ");
		store_query_fts(b, children[i]->children[0]);
	}
}

/* The FTS5 expression of a tree for which store_query_is_fts holds. */
static void
store_query_fts(struct buf *b, const struct query *q)
{
	size_t	 i;

	if (q->kind == QUERY_TEXT) {
		store_query_fts_term(b, q);
		return;
	}
	if (q->kind == QUERY_AND) {
		buf_addc(b, '(');
		store_query_fts_and(b, q->children, q->nchildren);
		buf_addc(b, ')');
		return;
	}
	buf_addc(b, '(');
	for (i = 0; i < q->nchildren; i++) {
		if (i > 0)
			buf_adds(b, " OR ");
		store_query_fts(b, q->children[i]);
	}
	buf_addc(b, ')');
}

static void
store_query_feed(struct store_query_sql *c, const char *text)
{
	/* The feeds are few: fold their names once, not once an item. */
	store_query_param(c, "i.feed_id IN (SELECT g.id FROM feeds g WHERE"
	    " telex_fold(coalesce(g.title, '')) LIKE ? ESCAPE '\\'",
	    store_sibling_like(text), 0);
	store_query_param(c, " OR telex_fold(g.url) LIKE ? ESCAPE '\\')",
	    store_sibling_like(text), 0);
}

/*
 * The items that carry a tag or whose feed carries it.  Each item is
 * tested, so that a list can read items by date; a sparse tag is one
 * list of its items instead, which then drives the plan.
 */
static void
store_query_tag(struct store_query_sql *c, const char *tag)
{
	if (tag == c->sparse) {
		store_query_param(c, "i.id IN (SELECT x.item_id"
		    " FROM item_tags x JOIN tags t ON t.id = x.tag_id"
		    " WHERE t.name = ? COLLATE telex_nocase", xstrdup(tag), 0);
		store_query_param(c, " UNION ALL SELECT j.id FROM items j"
		    " JOIN feed_tags y ON y.feed_id = j.feed_id"
		    " JOIN tags t ON t.id = y.tag_id WHERE t.name = ?"
		    " COLLATE telex_nocase)", xstrdup(tag), 0);
		return;
	}
	store_query_param(c, "(i.id IN (SELECT x.item_id FROM item_tags x"
	    " JOIN tags t ON t.id = x.tag_id WHERE t.name = ?"
	    " COLLATE telex_nocase)", xstrdup(tag), 0);
	store_query_param(c, " OR i.feed_id IN (SELECT y.feed_id"
	    " FROM feed_tags y JOIN tags t ON t.id = y.tag_id"
	    " WHERE t.name = ? COLLATE telex_nocase))", xstrdup(tag), 0);
}

static void
store_query_date(struct store_query_sql *c, const struct query *q)
{
	if (q->ago > 0) {
		store_query_param(c, "i.date >= ?", NULL, c->now - q->ago);
		return;
	}
	if (q->from != INT64_MIN && q->to != INT64_MAX) {
		store_query_param(c, "(i.date >= ?", NULL, q->from);
		store_query_param(c, " AND i.date < ?)", NULL, q->to);
	} else if (q->from != INT64_MIN)
		store_query_param(c, "i.date >= ?", NULL, q->from);
	else
		store_query_param(c, "i.date < ?", NULL, q->to);
}

static void
store_query_is(struct store_query_sql *c, enum query_state state)
{
	static const char *sql[] = {
		[QUERY_UNREAD] = "i.read = 0",
		[QUERY_READ] = "i.read = 1",
		[QUERY_STARRED] = "i.starred = 1",
		[QUERY_ARCHIVED] = "i.archived != 0",
		[QUERY_HIDDEN] = "i.hidden = 1",
		[QUERY_DOWNLOADED] = "EXISTS (SELECT 1 FROM downloads d"
		    " WHERE d.item_id = i.id AND d.done = 1)",
		[QUERY_ENCLOSURE] = "EXISTS (SELECT 1 FROM enclosures e"
		    " WHERE e.item_id = i.id)"
	};

	buf_adds(&c->sql, sql[state]);
}

static void	store_query_where(struct store_query_sql *,
		    const struct query *);

static void
store_query_match(struct store_query_sql *c, const struct query *q)
{
	struct buf	 m;

	buf_init(&m, 0);
	store_query_fts(&m, q);
	store_query_param(c, STORE_QUERY_IN_FTS, buf_steal(&m), 0);
}

static void
store_query_list_of(struct store_query_sql *c, const struct query *q,
    const char *op)
{
	size_t	 i;

	buf_addc(&c->sql, '(');
	for (i = 0; i < q->nchildren; i++) {
		if (i > 0)
			buf_adds(&c->sql, op);
		store_query_where(c, q->children[i]);
	}
	buf_addc(&c->sql, ')');
}

/* The condition for a tree: a full-text subtree is one MATCH. */
static void
store_query_where(struct store_query_sql *c, const struct query *q)
{
	if (store_query_is_fts(q)) {
		store_query_match(c, q);
		return;
	}
	switch (q->kind) {
	case QUERY_AND:
		store_query_list_of(c, q, " AND ");
		break;
	case QUERY_OR:
		store_query_list_of(c, q, " OR ");
		break;
	case QUERY_NOT:
		buf_adds(&c->sql, "NOT ");
		store_query_list_of(c, q, "");
		break;
	case QUERY_FEED:
		store_query_feed(c, q->text);
		break;
	case QUERY_TAG:
		if (q == c->driver_term)
			buf_adds(&c->sql, "1");
		else
			store_query_tag(c, q->text);
		break;
	case QUERY_IS:
		store_query_is(c, q->state);
		break;
	case QUERY_DATE:
		store_query_date(c, q);
		break;
	case QUERY_ID:
		store_query_param(c, "i.id = ?", NULL, q->id);
		break;
	default:
		buf_adds(&c->sql, "0");
		break;
	}
}

/* Keyset paging, on the driving tag's index when there is one. */
static void
store_query_keyset(struct store_query_sql *c, const struct store_filter *f)
{
	const char	*key = c->driver != NULL ? "(x.date, x.item_id)" :
			    "(i.date, i.id)";

	if (f->before_id != 0) {
		buf_printf(&c->sql, " AND %s < (", key);
		store_query_param(c, "?", NULL, f->before_date);
		store_query_param(c, ", ?)", NULL, f->before_id);
	}
	if (f->after_id != 0) {
		buf_printf(&c->sql, " AND %s > (", key);
		store_query_param(c, "?", NULL, f->after_date);
		store_query_param(c, ", ?)", NULL, f->after_id);
	}
}

/*
 * The fields of a filter other than its query, as " AND ..." terms; a
 * tag field that drives the list is left to the join.
 */
static void
store_query_fields(struct store_query_sql *c, const struct store_filter *f)
{
	if (f->match != NULL && *f->match != '\0')
		store_query_param(c, " AND " STORE_QUERY_IN_FTS,
		    xstrdup(f->match), 0);
	if (f->id != 0)
		store_query_param(c, " AND i.id = ?", NULL, f->id);
	if (f->feed_id != 0)
		store_query_param(c, " AND i.feed_id = ?", NULL, f->feed_id);
	if (f->feed != NULL && *f->feed != '\0') {
		buf_adds(&c->sql, " AND ");
		store_query_feed(c, f->feed);
	}
	if (f->tag != NULL && *f->tag != '\0' && c->driver != f->tag) {
		buf_adds(&c->sql, " AND ");
		store_query_tag(c, f->tag);
	}
	if (f->unread > 0)
		buf_adds(&c->sql, " AND i.read = 0");
	else if (f->unread < 0)
		buf_adds(&c->sql, " AND i.read = 1");
	if (f->starred)
		buf_adds(&c->sql, " AND i.starred = 1");
	if (f->seen_since != 0)
		store_query_param(c, " AND i.first_seen >= ?", NULL,
		    f->seen_since);
	store_query_keyset(c, f);
}

/* What of its query a filter leaves out: the caller matches it. */
enum store_query_skip {
	SKIP_NONE,
	SKIP_ALL,		/* the whole query is full text */
	SKIP_TEXT		/* the full-text children of a top-level AND */
};

/*
 * " WHERE ..." for a filter, leaving out what skip says.  Hidden items
 * stay out unless the filter or its query asks for them or rules are
 * at work (c->after_id).
 */
static void
store_query_filter(struct store_query_sql *c, const struct store_filter *f,
    enum store_query_skip skip)
{
	const struct query	*q = f->query;
	size_t			 i;

	buf_adds(&c->sql, " WHERE 1");
	if (c->after_id >= 0)
		store_query_param(c, " AND i.id > ?", NULL, c->after_id);
	else if (!f->hidden && !query_mentions(q, QUERY_HIDDEN))
		buf_adds(&c->sql, " AND i.hidden = 0");
	if (skip == SKIP_ALL)
		q = NULL;
	if (q != NULL && q->kind == QUERY_AND && skip == SKIP_TEXT) {
		for (i = 0; i < q->nchildren; i++) {
			if (!store_query_is_fts(q->children[i]) &&
			    (q->children[i]->kind != QUERY_NOT ||
			    !store_query_is_fts(q->children[i]->children[0]))) {
				buf_adds(&c->sql, " AND ");
				store_query_where(c, q->children[i]);
			}
		}
	} else if (q != NULL) {
		buf_adds(&c->sql, " AND ");
		store_query_where(c, q);
	}
	store_query_fields(c, f);
}

static void
store_query_cache_free(void *data)
{
	struct store_query_cache	*cache = data;
	size_t				 i;

	for (i = 0; i < STORE_QUERY_CACHE; i++) {
		sqlite3_finalize(cache->kept[i].stmt);
		free(cache->kept[i].sql);
	}
	free(cache);
}

/* The store's kept statements, an empty cache on first use; or NULL. */
static struct store_query_cache *
store_query_cache(struct store *st)
{
	struct store_query_cache	*cache;

	cache = store_sibling_data(st, STORE_SIBLING_DATA_QUERY);
	if (cache != NULL)
		return (cache);
	cache = xcalloc(1, sizeof *cache);
	if (store_sibling_keep(st, STORE_SIBLING_DATA_QUERY, cache,
	    store_query_cache_free) != 0) {
		free(cache);
		return (NULL);
	}
	return (cache);
}

/* The kept statement prepared from sql (len bytes), or NULL. */
static struct store_query_kept *
store_query_find(struct store_query_cache *cache, const char *sql,
    size_t len)
{
	struct store_query_kept	*k;
	size_t			 i;

	for (i = 0; i < STORE_QUERY_CACHE; i++) {
		k = &cache->kept[i];
		if (k->stmt != NULL && k->len == len &&
		    memcmp(k->sql, sql, len) == 0)
			return (k);
	}
	return (NULL);
}

/*
 * Where to keep a new statement: an empty slot, else the one taken
 * longest ago that is not running.  NULL when every one is running.
 */
static struct store_query_kept *
store_query_victim(struct store_query_cache *cache)
{
	struct store_query_kept	*k, *victim = NULL;
	size_t			 i;

	for (i = 0; i < STORE_QUERY_CACHE; i++) {
		k = &cache->kept[i];
		if (k->stmt != NULL && sqlite3_stmt_busy(k->stmt))
			continue;
		if (victim == NULL || k->used < victim->used)
			victim = k;
	}
	return (victim);
}

/* Prepare sql (SQLite keeps it long with SQLITE_PREPARE_PERSISTENT). */
static sqlite3_stmt *
store_query_prepare(struct store *st, const char *sql, unsigned int flags)
{
	sqlite3_stmt	*s = NULL;
	int		 rc;

	rc = sqlite3_prepare_v3(store_sibling_db(st), sql, -1, flags, &s,
	    NULL);
	if (rc != SQLITE_OK) {
		sqlite3_finalize(s);
		store_sibling_sqlfail(st, rc);
		return (NULL);
	}
	return (s);
}

/*
 * The kept statement for the built SQL, prepared and kept now if there
 * is none.  0 with *s NULL when it cannot be kept: it is running (a list
 * started from inside a list's callback), every slot is, or it is long.
 */
static int
store_query_take(struct store *st, struct store_query_sql *c,
    sqlite3_stmt **s)
{
	struct store_query_cache	*cache;
	struct store_query_kept		*k;
	sqlite3_stmt			*new;

	*s = NULL;
	if (c->sql.len >= STORE_QUERY_CACHE_SQL ||
	    (cache = store_query_cache(st)) == NULL)
		return (0);
	if ((k = store_query_find(cache, c->sql.data, c->sql.len)) != NULL) {
		if (sqlite3_stmt_busy(k->stmt))
			return (0);
	} else {
		if ((k = store_query_victim(cache)) == NULL)
			return (0);
		if ((new = store_query_prepare(st, c->sql.data,
		    SQLITE_PREPARE_PERSISTENT)) == NULL)
			return (-1);
		sqlite3_finalize(k->stmt);
		free(k->sql);
		k->stmt = new;
		k->sql = xstrdup(c->sql.data);
		k->len = c->sql.len;
	}
	k->used = ++cache->clock;
	*s = k->stmt;
	return (0);
}

/*
 * The built statement with its parameters bound: a kept one, else one
 * for this use alone (*fresh set).  Give it back with store_query_done.
 * NULL with the error kept.
 */
static sqlite3_stmt *
store_query_stmt(struct store *st, struct store_query_sql *c, int *fresh)
{
	sqlite3_stmt	*s;
	size_t		 i;

	*fresh = 0;
	if (c->sql.len + 1 >= c->sql.limit) {
		store_sibling_fail(st, "the query is too long");
		return (NULL);
	}
	if (store_query_take(st, c, &s) != 0)
		return (NULL);
	if (s == NULL) {
		if ((s = store_query_prepare(st, c->sql.data, 0)) == NULL)
			return (NULL);
		*fresh = 1;
	}
	for (i = 0; i < c->nbinds; i++) {
		if (c->binds[i].text != NULL)
			sqlite3_bind_text(s, (int)i + 1, c->binds[i].text, -1,
			    SQLITE_STATIC);
		else
			sqlite3_bind_int64(s, (int)i + 1, c->binds[i].number);
	}
	return (s);
}

/* Reset a kept statement for its next use, or finalize a fresh one. */
static void
store_query_done(sqlite3_stmt *s, int fresh)
{
	if (fresh || s == NULL) {
		sqlite3_finalize(s);
		return;
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
}

/* A step that failed: words for a bad full-text query, else SQLite's. */
static int
store_query_step_fail(struct store *st, int rc)
{
	if ((rc & 0xff) == SQLITE_ERROR)
		return (store_sibling_fail(st, "the search words could not be "
		    "read as a full-text query"));
	return (store_sibling_sqlfail(st, rc));
}

static void
store_query_limit(struct store_query_sql *c, size_t limit)
{
	if (limit != 0)
		store_query_param(c, " LIMIT ?", NULL,
		    limit > (size_t)INT64_MAX ? INT64_MAX : (int64_t)limit);
}

/*
 * How many feeds carry a tag, how many items they hold (the feeds keep
 * their counts) and about how many the archive holds (its newest id):
 * 0, or -1.
 */
static int
store_query_tag_size(struct store *st, const char *tag, int64_t *feeds,
    int64_t *items, int64_t *total)
{
	sqlite3_stmt	*s;

	if ((s = store_sibling_stmt(st, SLOT_TAG_SIZE, "SELECT"
	    " count(y.feed_id), coalesce(sum(f.nitems), 0),"
	    " (SELECT coalesce(max(id), 0) FROM items)"
	    " FROM feed_tags y JOIN feeds f ON f.id = y.feed_id"
	    " WHERE y.tag_id IN (SELECT id FROM tags"
	    " WHERE name = ?1 COLLATE telex_nocase)")) == NULL)
		return (-1);
	sqlite3_bind_text(s, 1, tag, -1, SQLITE_STATIC);
	if (store_sibling_row(st, s) != 1)
		return (-1);
	*feeds = sqlite3_column_int64(s, 0);
	*items = sqlite3_column_int64(s, 1);
	*total = sqlite3_column_int64(s, 2);
	sqlite3_reset(s);
	return (0);
}

/*
 * Is a list of limit items (0: all) cheaper as one sorted list of a
 * tag's items than read by date?  By date it tests about limit * total /
 * items items (all of them at most); sorting one costs about as much as
 * twenty tests.
 */
static int
store_query_sparse(int64_t items, int64_t total, size_t limit)
{
	double	 tests = (double)total;

	if (limit != 0 && items > 0 &&
	    (double)limit * (double)total / (double)items < tests)
		tests = (double)limit * (double)total / (double)items;
	return (20.0 * (double)items < tests);
}

/* Plan how a list reads tag (term: its query term, or NULL). */
static void
store_query_plan_tag(struct store *st, struct store_query_sql *c,
    const char *tag, size_t limit, const struct query *term)
{
	int64_t	 feeds, items, total;

	if (store_query_tag_size(st, tag, &feeds, &items, &total) != 0)
		return;
	if (feeds == 0) {
		c->driver = tag;
		c->driver_term = term;
	} else if (c->sparse == NULL && store_query_sparse(items, total,
	    limit))
		c->sparse = tag;
}

/*
 * Plan how a list reads its tags: the query's tag: term (or a top-level
 * AND's), then the filter's tag field.  A tag no feed carries has all
 * its items in item_tags, whose index keeps them by date: it drives the
 * list.  A tag whose feeds hold few items is read as one list of them.
 * Else (or when a check fails) items are read by date and tested.
 */
static void
store_query_plan(struct store *st, struct store_query_sql *c,
    const struct store_filter *f)
{
	const struct query	*q = f->query, *term = NULL;
	size_t			 i;

	if (q != NULL && q->kind == QUERY_TAG)
		term = q;
	for (i = 0; q != NULL && q->kind == QUERY_AND && term == NULL &&
	    i < q->nchildren; i++) {
		if (q->children[i]->kind == QUERY_TAG)
			term = q->children[i];
	}
	if (term != NULL)
		store_query_plan_tag(st, c, term->text, f->limit, term);
	if (c->driver == NULL && f->tag != NULL && *f->tag != '\0')
		store_query_plan_tag(st, c, f->tag, f->limit, NULL);
}

/* The list statement of a filter: see store_items_list. */
static void
store_query_list(struct store *st, struct store_query_sql *c,
    const struct store_filter *f)
{
	buf_adds(&c->sql, "SELECT ");
	buf_adds(&c->sql, store_sibling_item_columns());
	store_query_plan(st, c, f);
	if (c->driver != NULL) {
		buf_adds(&c->sql, " FROM item_tags x CROSS JOIN items i"
		    " ON i.id = x.item_id JOIN feeds f ON f.id = i.feed_id");
		store_query_filter(c, f, SKIP_NONE);
		store_query_param(c, " AND x.tag_id = (SELECT id FROM tags"
		    " WHERE name = ? COLLATE telex_nocase ORDER BY id LIMIT 1)",
		    xstrdup(c->driver), 0);
		buf_adds(&c->sql, f->oldest_first ?
		    " ORDER BY x.date, x.item_id" :
		    " ORDER BY x.date DESC, x.item_id DESC");
	} else {
		buf_adds(&c->sql, STORE_QUERY_FROM);
		store_query_filter(c, f, SKIP_NONE);
		buf_adds(&c->sql, f->oldest_first ? " ORDER BY i.date, i.id" :
		    " ORDER BY i.date DESC, i.id DESC");
	}
	store_query_limit(c, f->limit);
}

/* Hand each row to cb until it says stop: 0, or -1 with the error kept. */
static int
store_query_rows(struct store *st, sqlite3_stmt *s, store_item_cb cb,
    void *arg)
{
	struct store_item	 it;
	int			 step, stop = 0;

	while (!stop && (step = sqlite3_step(s)) == SQLITE_ROW) {
		if (store_sibling_item_row(st, s, &it) != 0)
			return (-1);
		stop = cb(&it, arg);
		store_item_free(&it);
	}
	if (!stop && step != SQLITE_DONE)
		return (store_query_step_fail(st, step));
	return (0);
}

/*
 * Every list of items, with or without a query, is compiled here.  A
 * query reads through the memory map, as searches do; the reader's plain
 * windows onto a feed or a tag keep to SQLite's page cache.
 */
int
store_items_list(struct store *st, const struct store_filter *f,
    store_item_cb cb, void *arg)
{
	struct store_query_sql	 c;
	sqlite3_stmt		*s;
	int			 rc = -1, fresh;

	if (f->query != NULL)
		store_sibling_map(st);
	store_query_init(&c);
	store_query_list(st, &c, f);
	if ((s = store_query_stmt(st, &c, &fresh)) != NULL)
		rc = store_query_rows(st, s, cb, arg);
	store_query_done(s, fresh);
	store_query_clear(&c);
	return (rc);
}

int
store_items_count(struct store *st, const struct store_filter *f,
    int64_t *count)
{
	struct store_query_sql	 c;
	sqlite3_stmt		*s;
	int			 rc = -1, step, fresh;

	*count = 0;
	store_query_init(&c);
	buf_adds(&c.sql, "SELECT count(*)" STORE_QUERY_FROM);
	store_query_filter(&c, f, SKIP_NONE);
	if ((s = store_query_stmt(st, &c, &fresh)) == NULL)
		goto out;
	if ((step = sqlite3_step(s)) != SQLITE_ROW) {
		store_query_step_fail(st, step);
		goto out;
	}
	*count = sqlite3_column_int64(s, 0);
	rc = 0;
out:
	store_query_done(s, fresh);
	store_query_clear(&c);
	return (rc);
}

/*
 * The part of a query that ranks: the whole tree when it is all full
 * text, else the full-text children of a top-level AND (with their
 * NOTs).  Returns the FTS5 expression (caller frees) or NULL.
 */
static char *
store_query_rank_part(const struct query *q, const struct query **whole)
{
	struct query	**kept;
	struct buf	  b;
	size_t		  i, n = 0, positive = 0;

	*whole = NULL;
	if (q == NULL)
		return (NULL);
	buf_init(&b, 0);
	if (store_query_is_fts(q)) {
		*whole = q;
		store_query_fts(&b, q);
		return (buf_steal(&b));
	}
	if (q->kind != QUERY_AND) {
		buf_free(&b);
		return (NULL);
	}
	kept = xreallocarray(NULL, q->nchildren, sizeof *kept);
	for (i = 0; i < q->nchildren; i++) {
		if (store_query_is_fts(q->children[i]))
			positive++;
		else if (q->children[i]->kind != QUERY_NOT ||
		    !store_query_is_fts(q->children[i]->children[0]))
			continue;
		kept[n++] = q->children[i];
	}
	if (positive > 0)
		store_query_fts_and(&b, kept, n);
	free(kept);
	if (positive == 0) {
		buf_free(&b);
		return (NULL);
	}
	return (buf_steal(&b));
}

/*
 * Take the highlight marks out of a snippet, making it display-safe and
 * keeping where the marked words are.  Caller frees the text and spans.
 */
static char *
store_query_spans(const char *raw, struct store_span **spans, size_t *n)
{
	struct buf	 b;
	char		*safe;
	const char	*p;
	size_t		 olen = strlen(STORE_QUERY_OPEN);

	*spans = NULL;
	*n = 0;
	safe = util_display_safe(raw);
	buf_init(&b, 0);
	for (p = safe; *p != '\0';) {
		if (strncmp(p, STORE_QUERY_OPEN, olen) == 0) {
			*spans = xreallocarray(*spans, *n + 1, sizeof **spans);
			(*spans)[*n].start = (*spans)[*n].end = b.len;
			(*n)++;
			p += olen;
		} else if (strncmp(p, STORE_QUERY_CLOSE, olen) == 0) {
			if (*n > 0)
				(*spans)[*n - 1].end = b.len;
			p += olen;
		} else
			buf_addc(&b, *p++);
	}
	free(safe);
	return (buf_steal(&b));
}

static int
store_query_hit(struct store *st, sqlite3_stmt *s, int ncols,
    store_hit_cb cb, void *arg, int *stop)
{
	struct store_item	 it;
	struct store_hit	 hit;
	struct store_span	*spans = NULL;
	const char		*raw;
	char			*text;

	if (store_sibling_item_row(st, s, &it) != 0)
		return (-1);
	memset(&hit, 0, sizeof hit);
	hit.item = &it;
	raw = (const char *)sqlite3_column_text(s, ncols);
	if (raw == NULL || *raw == '\0')
		raw = (const char *)sqlite3_column_text(s, ncols + 1);
	text = store_query_spans(raw != NULL ? raw : "", &spans,
	    &hit.nspans);
	hit.snippet = text;
	hit.spans = spans;
	hit.score = sqlite3_column_double(s, ncols + 2);
	*stop = cb(&hit, arg);
	free(text);
	free(spans);
	store_item_free(&it);
	return (0);
}

static int
store_query_hits(struct store *st, sqlite3_stmt *s, store_hit_cb cb,
    void *arg)
{
	int	 step, stop = 0, ncols = sqlite3_column_count(s) - 3;

	while (!stop && (step = sqlite3_step(s)) == SQLITE_ROW) {
		if (store_query_hit(st, s, ncols, cb, arg, &stop) != 0)
			return (-1);
	}
	if (!stop && step != SQLITE_DONE)
		return (store_query_step_fail(st, step));
	return (0);
}

/*
 * Items matching f ranked by telex_rank (BM25 with title 10, author 2,
 * text 1) divided by a gentle age factor, each with a snippet.  Only the
 * newest STORE_QUERY_WINDOW matches are ranked, so a common word costs
 * no more than a rare one.  The ranking pass keeps where each row
 * matched, and the snippets of the best are cut from that.
 */
static void
store_search_ranked(struct store_query_sql *c, const struct store_filter *f,
    const struct query *whole, char *rank)
{
	size_t	window = f->window != 0 ? f->window : STORE_QUERY_WINDOW;

	if (f->limit == 0 || window == SIZE_MAX)
		window = 0;
	else if (f->limit > window)
		window = f->limit;
	store_query_param(c, "WITH idf AS MATERIALIZED (SELECT telex_idf("
	    "items_fts, (SELECT max(id) FROM items)) AS v FROM items_fts"
	    " WHERE items_fts MATCH ? LIMIT 1),", xstrdup(rank), 0);
	buf_adds(&c->sql, " top AS MATERIALIZED (SELECT id, score, hits FROM"
	    " (SELECT i.id AS id");
	store_query_param(c, ", telex_rank(items_fts, (SELECT v FROM idf),"
	    " 10.0, 2.0, 1.0) /"
	    " (1.0 + max(0, ? - i.date) / " STORE_QUERY_AGE_SCALE ")"
	    " AS score, telex_hits(items_fts) AS hits", NULL, c->now);
	buf_adds(&c->sql, " FROM items_fts JOIN items i"
	    " ON i.id = items_fts.rowid");
	store_query_filter(c, f, whole != NULL ? SKIP_ALL : SKIP_TEXT);
	store_query_param(c, " AND items_fts MATCH ?"
	    " ORDER BY items_fts.rowid DESC", rank, 0);
	store_query_limit(c, window);
	buf_adds(&c->sql, ") ORDER BY score, id DESC");
	store_query_limit(c, f->limit);
	buf_adds(&c->sql, ") SELECT ");
	buf_adds(&c->sql, store_sibling_item_columns());
	buf_adds(&c->sql, ", telex_snippet(src.text, top.hits, 2, '"
	    STORE_QUERY_OPEN "', '" STORE_QUERY_CLOSE "', '…', "
	    STORE_QUERY_SNIPPET "), telex_snippet(src.title, top.hits, 0, '"
	    STORE_QUERY_OPEN "', '" STORE_QUERY_CLOSE "', '', 0), top.score"
	    " FROM top JOIN items i ON i.id = top.id"
	    " JOIN feeds f ON f.id = i.feed_id"
	    " JOIN items_fts_source src ON src.id = top.id"
	    " ORDER BY top.score, i.id DESC");
}

int
store_search(struct store *st, const struct store_filter *f,
    store_hit_cb cb, void *arg)
{
	struct store_query_sql	 c;
	const struct query	*whole;
	sqlite3_stmt		*s;
	char			*rank;
	int			 rc = -1, fresh;

	store_sibling_map(st);
	store_query_init(&c);
	rank = store_query_rank_part(f->query, &whole);
	if (rank != NULL)
		store_search_ranked(&c, f, whole, rank);
	else {
		/* Nothing to rank by: newest first, with no highlights. */
		buf_adds(&c.sql, "SELECT ");
		buf_adds(&c.sql, store_sibling_item_columns());
		buf_adds(&c.sql, ", NULL, NULL, 0.0 AS score"
		    STORE_QUERY_FROM);
		store_query_filter(&c, f, SKIP_NONE);
		buf_adds(&c.sql, " ORDER BY i.date DESC, i.id DESC");
		store_query_limit(&c, f->limit);
	}
	if ((s = store_query_stmt(st, &c, &fresh)) != NULL)
		rc = store_query_hits(st, s, cb, arg);
	store_query_done(s, fresh);
	store_query_clear(&c);
	return (rc);
}

/* Run a built statement to its end: 0, or -1 with the error kept. */
static int
store_query_exec(struct store *st, struct store_query_sql *c)
{
	sqlite3_stmt	*s;
	int		 step, rc = 0, fresh;

	if ((s = store_query_stmt(st, c, &fresh)) == NULL)
		return (-1);
	while ((step = sqlite3_step(s)) == SQLITE_ROW)
		;
	if (step != SQLITE_DONE)
		rc = store_query_step_fail(st, step);
	store_query_done(s, fresh);
	return (rc);
}

/* Run a cached statement taking one text. */
static int
store_query_run_text(struct store *st, size_t slot, const char *sql,
    const char *text)
{
	sqlite3_stmt	*s;

	if ((s = store_sibling_stmt(st, slot, sql)) == NULL)
		return (-1);
	sqlite3_bind_text(s, 1, text, -1, SQLITE_STATIC);
	return (store_sibling_run(st, s));
}

/* Add (or remove) one tag on the items matching f. */
static int
store_query_tag_one(struct store *st, const struct store_filter *f,
    int64_t after_id, const char *tag, int add)
{
	struct store_query_sql	 c;
	int			 rc;

	if (add && store_query_run_text(st, SLOT_TAG_NEW, "INSERT INTO tags"
	    " (name) SELECT ?1 WHERE NOT EXISTS (SELECT 1 FROM tags WHERE"
	    " name = ?1 COLLATE telex_nocase)", tag) != 0)
		return (-1);
	store_query_init_after(&c, after_id);
	if (add)
		store_query_param(&c, "INSERT OR IGNORE INTO item_tags"
		    " (tag_id, item_id, date) SELECT (SELECT id FROM tags"
		    " WHERE name = ? COLLATE telex_nocase ORDER BY id LIMIT 1),"
		    " i.id, i.date", xstrdup(tag), 0);
	else
		store_query_param(&c, "DELETE FROM item_tags WHERE tag_id IN"
		    " (SELECT id FROM tags WHERE name = ? COLLATE telex_nocase)"
		    " AND item_id IN (SELECT i.id", xstrdup(tag), 0);
	buf_adds(&c.sql, STORE_QUERY_FROM);
	store_query_filter(&c, f, SKIP_NONE);
	if (!add)
		buf_addc(&c.sql, ')');
	rc = store_query_exec(st, &c);
	store_query_clear(&c);
	if (rc == 0 && !add)
		rc = store_query_run_text(st, SLOT_TAG_ORPHAN, "DELETE FROM tags"
		    " WHERE name = ?1 COLLATE telex_nocase AND NOT EXISTS"
		    " (SELECT 1 FROM item_tags"
		    " WHERE tag_id = tags.id) AND NOT EXISTS (SELECT 1 FROM"
		    " feed_tags WHERE tag_id = tags.id)", tag);
	return (rc);
}

static int
store_query_tags(struct store *st, const struct store_filter *f,
    int64_t after_id, char *const *add, size_t nadd, char *const *remove,
    size_t nremove)
{
	size_t	 i;

	for (i = 0; i < nadd; i++) {
		if (store_query_tag_one(st, f, after_id, add[i], 1) != 0)
			return (-1);
	}
	for (i = 0; i < nremove; i++) {
		if (store_query_tag_one(st, f, after_id, remove[i], 0) != 0)
			return (-1);
	}
	return (0);
}

/*
 * Tag every item matching f: add, then remove (an item keeps the tags
 * of its feed).  A new tag keeps the case it is first given in.
 */
int
store_tag_items(struct store *st, const struct store_filter *f,
    char *const *add, size_t nadd, char *const *remove, size_t nremove,
    int64_t *matched)
{
	int	 own, rc = -1;

	if (store_sibling_begin(st, &own) != 0)
		return (-1);
	if (store_items_count(st, f, matched) == 0)
		rc = store_query_tags(st, f, -1, add, nadd, remove, nremove);
	return (store_sibling_end(st, own, rc));
}

static int
store_query_mark(struct store *st, const struct store_filter *f,
    int64_t after_id, enum store_mark mark, int64_t *changed)
{
	static const char *set[] = {
		[STORE_MARK_READ] = "read = 1",
		[STORE_MARK_UNREAD] = "read = 0",
		[STORE_MARK_STAR] = "starred = 1",
		[STORE_MARK_UNSTAR] = "starred = 0",
		[STORE_MARK_HIDE] = "hidden = 1",
		[STORE_MARK_UNHIDE] = "hidden = 0"
	};
	struct store_query_sql	 c;
	int			 rc;

	store_query_init_after(&c, after_id);
	buf_printf(&c.sql, "UPDATE items SET %s WHERE NOT (%s) AND id IN"
	    " (SELECT i.id" STORE_QUERY_FROM, set[mark], set[mark]);
	store_query_filter(&c, f, SKIP_NONE);
	buf_addc(&c.sql, ')');
	rc = store_query_exec(st, &c);
	store_query_clear(&c);
	if (rc == 0 && changed != NULL)
		*changed = sqlite3_changes(store_sibling_db(st));
	return (rc);
}

/* Set a flag on every item matching f; changed counts those it moved. */
int
store_mark_items(struct store *st, const struct store_filter *f,
    enum store_mark mark, int64_t *changed)
{
	return (store_query_mark(st, f, -1, mark, changed));
}

void
store_tag_counts_free(struct store_tag_count *tags, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(tags[i].name);
	free(tags);
}

/* Every tag with the items a "tag:NAME" query finds and its feeds. */
int
store_tags_counts(struct store *st, struct store_tag_count **out, size_t *n)
{
	struct store_tag_count	*tags = NULL;
	struct store_filter	 f;
	sqlite3_stmt		*s;
	size_t			 count = 0, i;
	int			 rc;

	*out = NULL;
	*n = 0;
	if ((s = store_sibling_stmt(st, SLOT_TAGS, "SELECT t.name,"
	    " (SELECT count(*) FROM feed_tags y WHERE y.tag_id = t.id)"
	    " FROM tags t ORDER BY t.name COLLATE NOCASE")) == NULL)
		return (-1);
	while ((rc = store_sibling_row(st, s)) == 1) {
		tags = xreallocarray(tags, count + 1, sizeof *tags);
		tags[count].name = xstrdup((const char *)
		    sqlite3_column_text(s, 0));
		tags[count++].feeds = sqlite3_column_int64(s, 1);
	}
	for (i = 0; rc == 0 && i < count; i++) {
		memset(&f, 0, sizeof f);
		f.tag = tags[i].name;
		rc = store_items_count(st, &f, &tags[i].items);
	}
	if (rc != 0) {
		store_tag_counts_free(tags, count);
		return (-1);
	}
	*out = tags;
	*n = count;
	return (0);
}

int
store_saved_put(struct store *st, const char *name, const char *query)
{
	sqlite3_stmt	*s;
	int		 found;

	if ((s = store_sibling_stmt(st, SLOT_SAVED_FIND, "SELECT 1 FROM"
	    " saved_searches WHERE name = ?1")) == NULL)
		return (-1);
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	if ((found = store_sibling_row(st, s)) < 0)
		return (-1);
	sqlite3_reset(s);
	if ((s = store_sibling_stmt(st, SLOT_SAVED_PUT, "INSERT INTO"
	    " saved_searches (name, query, added) VALUES (?1, ?2, ?3)"
	    " ON CONFLICT (name) DO UPDATE SET query = excluded.query")) ==
	    NULL)
		return (-1);
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, query, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, util_now());
	if (store_sibling_run(st, s) != 0)
		return (-1);
	return (found);
}

int
store_saved_remove(struct store *st, const char *name)
{
	if (store_query_run_text(st, SLOT_SAVED_RM, "DELETE FROM"
	    " saved_searches WHERE name = ?1", name) != 0)
		return (-1);
	return (sqlite3_changes(store_sibling_db(st)) == 0 ? 1 : 0);
}

void
store_saved_free(struct store_saved *saved, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(saved[i].name);
		free(saved[i].query);
	}
	free(saved);
}

int
store_saved_list(struct store *st, struct store_saved **out, size_t *n)
{
	struct store_saved	*saved = NULL;
	sqlite3_stmt		*s;
	size_t			 count = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	if ((s = store_sibling_stmt(st, SLOT_SAVED_LIST, "SELECT name, query"
	    " FROM saved_searches ORDER BY name COLLATE NOCASE")) == NULL)
		return (-1);
	while ((rc = store_sibling_row(st, s)) == 1) {
		saved = xreallocarray(saved, count + 1, sizeof *saved);
		saved[count].name = xstrdup((const char *)
		    sqlite3_column_text(s, 0));
		saved[count++].query = xstrdup((const char *)
		    sqlite3_column_text(s, 1));
	}
	if (rc != 0) {
		store_saved_free(saved, count);
		return (-1);
	}
	*out = saved;
	*n = count;
	return (0);
}

/* The newest item id now, before a feed's items are stored. */
int
store_rules_mark(struct store *st, int64_t *last_id)
{
	sqlite3_stmt	*s;
	int		 rc;

	*last_id = 0;
	if ((s = store_sibling_stmt(st, SLOT_MAX_ID, "SELECT"
	    " coalesce(max(id), 0) FROM items")) == NULL)
		return (-1);
	if ((rc = store_sibling_row(st, s)) != 1)
		return (rc);
	*last_id = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return (0);
}

static int
store_query_rule(struct store *st, const struct store_rule *r,
    int64_t feed_id, int64_t last_id)
{
	struct store_filter	 f;

	memset(&f, 0, sizeof f);
	f.query = r->query;
	f.feed_id = feed_id;
	if (store_query_tags(st, &f, last_id, r->add, r->nadd, r->remove,
	    r->nremove) != 0)
		return (-1);
	if (r->read && store_query_mark(st, &f, last_id, STORE_MARK_READ,
	    NULL) != 0)
		return (-1);
	if (r->star && store_query_mark(st, &f, last_id, STORE_MARK_STAR,
	    NULL) != 0)
		return (-1);
	if (r->hide && store_query_mark(st, &f, last_id, STORE_MARK_HIDE,
	    NULL) != 0)
		return (-1);
	return (0);
}

/*
 * Apply the rules, in order, to the items of feed_id stored since
 * store_rules_mark gave last_id (new ids only grow), in the caller's
 * transaction.
 */
int
store_rules_apply(struct store *st, int64_t feed_id, int64_t last_id)
{
	const struct store_rule	*rules;
	size_t			 n, i;

	rules = store_sibling_rules(st, &n);
	for (i = 0; i < n; i++) {
		if (store_query_rule(st, &rules[i], feed_id, last_id) != 0)
			return (-1);
	}
	return (0);
}

/* Does the tree hold a term of this kind anywhere? */
static int
store_query_has(const struct query *q, enum query_kind kind)
{
	size_t	 i;

	if (q == NULL)
		return (0);
	if (q->kind == kind)
		return (1);
	for (i = 0; i < q->nchildren; i++) {
		if (store_query_has(q->children[i], kind))
			return (1);
	}
	return (0);
}

/* Fill temp.prune_ids with the ids f lets prune (protections added). */
static int
store_prune_select(struct store *st, const struct store_filter *f)
{
	struct store_query_sql	 c;
	struct store_filter	 all = *f;
	int			 rc;

	if (store_sibling_exec(st, "CREATE TEMP TABLE IF NOT EXISTS prune_ids"
	    " (id INTEGER PRIMARY KEY); DELETE FROM temp.prune_ids") != 0)
		return (-1);
	all.hidden = 1;
	all.limit = 0;
	store_query_init(&c);
	buf_adds(&c.sql, "INSERT INTO temp.prune_ids SELECT i.id"
	    STORE_QUERY_FROM);
	store_query_filter(&c, &all, SKIP_NONE);
	if (!query_mentions(f->query, QUERY_STARRED))
		buf_adds(&c.sql, " AND i.starred = 0");
	if (!store_query_has(f->query, QUERY_TAG))
		buf_adds(&c.sql, " AND NOT EXISTS (SELECT 1 FROM item_tags x"
		    " WHERE x.item_id = i.id)");
	rc = store_query_exec(st, &c);
	store_query_clear(&c);
	return (rc);
}

/* How many items prune_ids holds and the bytes of their texts. */
static int
store_prune_count(struct store *st, int64_t *count, int64_t *bytes)
{
	sqlite3_stmt	*s;

	if ((s = store_sibling_stmt(st, SLOT_PRUNE_COUNT, "SELECT count(*),"
	    " coalesce(sum(coalesce(length(b.html), 0) +"
	    " coalesce(length(b.text), 0) + coalesce(length(p.html), 0) +"
	    " coalesce(length(p.text), 0) + coalesce(length(i.title), 0)), 0)"
	    " FROM temp.prune_ids d JOIN items i ON i.id = d.id"
	    " LEFT JOIN item_bodies b ON b.item_id = d.id"
	    " LEFT JOIN item_pages p ON p.item_id = d.id")) == NULL)
		return (-1);
	if (store_sibling_row(st, s) != 1)
		return (-1);
	*count = sqlite3_column_int64(s, 0);
	*bytes = sqlite3_column_int64(s, 1);
	sqlite3_reset(s);
	return (0);
}

/* Remember, unindex and delete the items of prune_ids. */
static int
store_prune_delete(struct store *st)
{
	sqlite3_stmt	*s;

	if ((s = store_sibling_stmt(st, SLOT_PRUNE_REMEMBER, "INSERT OR IGNORE"
	    " INTO pruned (feed_id, guid) SELECT feed_id, guid FROM items"
	    " WHERE id IN (SELECT id FROM temp.prune_ids)")) == NULL ||
	    store_sibling_run(st, s) != 0)
		return (-1);
	if ((s = store_sibling_stmt(st, SLOT_PRUNE_FTS, "INSERT INTO items_fts"
	    " (items_fts, rowid, title, author, text) SELECT 'delete', id,"
	    " title, author, text FROM items_fts_source"
	    " WHERE id IN (SELECT id FROM temp.prune_ids)")) == NULL ||
	    store_sibling_run(st, s) != 0)
		return (-1);
	if ((s = store_sibling_stmt(st, SLOT_PRUNE_DELETE, "DELETE FROM items"
	    " WHERE id IN (SELECT id FROM temp.prune_ids)")) == NULL)
		return (-1);
	return (store_sibling_run(st, s));
}

int
store_prune(struct store *st, const struct store_filter *f, int dry_run,
    int64_t *count, int64_t *bytes)
{
	int	 own, rc = -1;

	*count = *bytes = 0;
	if (store_sibling_begin(st, &own) != 0)
		return (-1);
	if (store_prune_select(st, f) == 0 &&
	    store_prune_count(st, count, bytes) == 0)
		rc = dry_run || *count == 0 ? 0 : store_prune_delete(st);
	if (dry_run && own) {
		store_rollback(st);
		return (rc);
	}
	return (store_sibling_end(st, own, rc));
}
