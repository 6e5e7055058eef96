/*
 * newsboat's urls file read and written, its files found, and the import
 * that brings feeds, saved searches, the cache's items and the config
 * into telex; the sync that makes the subscriptions equal to a list.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ingest.h"
#include "newsboat.h"
#include "query.h"
#include "store-newsboat.h"
#include "url.h"
#include "util.h"

#define NEWSBOAT_FILE_MAX	(64u << 20)

static struct newsboat_feed *
newsboat_feed_find(struct newsboat_urls *u, const char *url)
{
	size_t	 i;

	for (i = 0; i < u->nfeeds; i++) {
		if (strcmp(u->feeds[i].url, url) == 0)
			return (&u->feeds[i]);
	}
	return (NULL);
}

static void
newsboat_feed_tag(struct newsboat_feed *f, const char *tag)
{
	size_t	 i;

	for (i = 0; i < f->ntags; i++) {
		if (util_streq_nocase(f->tags[i], tag))
			return;
	}
	f->tags = xreallocarray(f->tags, f->ntags + 1, sizeof *f->tags);
	f->tags[f->ntags++] = xstrdup(tag);
}

/* "query:Name:expr": a saved search, translated or skipped. */
static void
newsboat_urls_query(struct newsboat_urls *u, const char *token,
    const char *file, int line)
{
	struct newsboat_query	*q;
	const char		*colon;
	char			*why, *name;

	if ((colon = strchr(token + 6, ':')) == NULL || colon == token + 6) {
		newsboat_skip_add(&u->skips, &u->nskips, file, line,
		    xstrdup("a query feed needs \"query:NAME:EXPRESSION\""));
		return;
	}
	u->queries = xreallocarray(u->queries, u->nqueries + 1,
	    sizeof *u->queries);
	q = &u->queries[u->nqueries++];
	name = xstrndup(token + 6, colon - token - 6);
	q->name = util_display_safe(name);
	free(name);
	q->expr = xstrdup(colon + 1);
	if (newsboat_filter(q->expr, &q->query, &why) != 0)
		newsboat_skip_add(&u->skips, &u->nskips, file, line,
		    xasprintf("query \"%s\" not saved: %s", q->name, why));
	free(why);
}

/* The words after a feed's URL: tags, "~Title", "!" (hidden there). */
static void
newsboat_urls_words(struct newsboat_urls *u, struct newsboat_feed *f,
    const char **p, const char *file, int line)
{
	char	*token, *cause = NULL;

	while ((token = newsboat_token(p)) != NULL) {
		if (token[0] == '~' && token[1] != '\0') {
			free(f->title);
			f->title = util_display_safe(token + 1);
		} else if (strcmp(token, "!") == 0 || token[0] == '~')
			;
		else if (query_tag_valid(token, &cause) == 0)
			newsboat_feed_tag(f, token);
		else {
			newsboat_skip_add(&u->skips, &u->nskips, file, line,
			    xasprintf("tag \"%s\" left out: %s", token, cause));
			free(cause);
			cause = NULL;
		}
		free(token);
	}
}

static int
newsboat_is_exec(const char *url)
{
	return (strncmp(url, "exec:", 5) == 0 ||
	    strncmp(url, "filter:", 7) == 0);
}

static void
newsboat_urls_line(struct newsboat_urls *u, const char *line,
    const char *file, int n)
{
	struct newsboat_feed	*f;
	char			*url;

	if ((url = newsboat_token(&line)) == NULL)
		return;
	if (strncmp(url, "query:", 6) == 0)
		newsboat_urls_query(u, url, file, n);
	else if (!newsboat_is_exec(url) && !url_is_http(url) &&
	    !url_is_file(url))
		newsboat_skip_add(&u->skips, &u->nskips, file, n,
		    xasprintf("\"%s\" is not a feed address (http, https, "
		    "file, exec: or filter:)", url));
	else {
		if ((f = newsboat_feed_find(u, url)) == NULL) {
			u->feeds = xreallocarray(u->feeds, u->nfeeds + 1,
			    sizeof *u->feeds);
			f = &u->feeds[u->nfeeds++];
			memset(f, 0, sizeof *f);
			f->url = xstrdup(url);
			f->exec = newsboat_is_exec(url);
		}
		newsboat_urls_words(u, f, &line, file, n);
	}
	free(url);
}

void
newsboat_urls_read(const char *data, size_t len, const char *file,
    struct newsboat_urls *u)
{
	char	*text, *line, *next;
	int	 n = 0;

	memset(u, 0, sizeof *u);
	text = util_utf8_sanitize(data, len);
	for (line = text; line != NULL; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		n++;
		newsboat_urls_line(u, line, file, n);
	}
	free(text);
}

void
newsboat_urls_free(struct newsboat_urls *u)
{
	size_t	 i, j;

	for (i = 0; i < u->nfeeds; i++) {
		free(u->feeds[i].url);
		free(u->feeds[i].title);
		for (j = 0; j < u->feeds[i].ntags; j++)
			free(u->feeds[i].tags[j]);
		free(u->feeds[i].tags);
	}
	for (i = 0; i < u->nqueries; i++) {
		free(u->queries[i].name);
		free(u->queries[i].expr);
		free(u->queries[i].query);
	}
	free(u->feeds);
	free(u->queries);
	newsboat_skips_free(u->skips, u->nskips);
	memset(u, 0, sizeof *u);
}

/* A token quoted when it must be, as newsboat reads it back. */
static void
newsboat_write_token(FILE *f, const char *prefix, const char *s)
{
	const char	*p;

	if (*prefix == '\0' && strpbrk(s, " \t\"\\#") == NULL) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	fputs(prefix, f);
	for (p = s; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			fputc('\\', f);
		if (*p != '\n' && *p != '\r')
			fputc(*p, f);
	}
	fputc('"', f);
}

int
newsboat_urls_write(FILE *f, const struct store_feed *feeds, size_t n,
    char *const *titles)
{
	size_t	 i, j;
	char	*shown;

	for (i = 0; i < n; i++) {
		/* A password in the URL is never written out (see url_mask). */
		shown = url_mask(feeds[i].url);
		newsboat_write_token(f, "", shown);
		free(shown);
		for (j = 0; j < feeds[i].ntags; j++) {
			fputc(' ', f);
			newsboat_write_token(f, "", feeds[i].tags[j]);
		}
		if (titles != NULL && titles[i] != NULL) {
			fputc(' ', f);
			newsboat_write_token(f, "~", titles[i]);
		}
		fputc('\n', f);
	}
	if (fflush(f) != 0 || ferror(f))
		return (-1);
	return (0);
}

/* dir/name when it can be read, else NULL. */
static char *
newsboat_file(const char *dir, const char *name)
{
	char	*path;

	if (dir == NULL)
		return (NULL);
	path = xasprintf("%s/%s", dir, name);
	if (access(path, R_OK) == 0)
		return (path);
	free(path);
	return (NULL);
}

/* $var/newsboat, else $HOME/fallback/newsboat; caller frees. */
static char *
newsboat_xdg(const char *var, const char *fallback)
{
	const char	*v, *home;

	if ((v = getenv(var)) != NULL && *v == '/')
		return (xasprintf("%s/newsboat", v));
	if ((home = getenv("HOME")) == NULL)
		return (NULL);
	return (xasprintf("%s/%s/newsboat", home, fallback));
}

int
newsboat_paths_find(const char *dir, struct newsboat_paths *p, char **cause)
{
	const char	*home = getenv("HOME");
	char		*dot = NULL, *conf, *data;

	memset(p, 0, sizeof *p);
	if (dir == NULL && home != NULL) {
		dot = xasprintf("%s/.newsboat", home);
		if (access(dot, F_OK) == 0)
			dir = dot;
	}
	if (dir != NULL) {
		p->urls = newsboat_file(dir, "urls");
		p->cache = newsboat_file(dir, "cache.db");
		p->config = newsboat_file(dir, "config");
	} else {
		conf = newsboat_xdg("XDG_CONFIG_HOME", ".config");
		data = newsboat_xdg("XDG_DATA_HOME", ".local/share");
		p->urls = newsboat_file(conf, "urls");
		p->config = newsboat_file(conf, "config");
		p->cache = newsboat_file(data, "cache.db");
		free(conf);
		free(data);
	}
	if (p->urls == NULL) {
		*cause = xasprintf("no urls file of newsboat's in %s; give "
		    "the folder that holds it: telex import --newsboat DIR",
		    dir != NULL ? dir : "~/.newsboat or "
		    "$XDG_CONFIG_HOME/newsboat");
		free(dot);
		newsboat_paths_free(p);
		return (-1);
	}
	free(dot);
	return (0);
}

void
newsboat_paths_free(struct newsboat_paths *p)
{
	free(p->urls);
	free(p->cache);
	free(p->config);
	memset(p, 0, sizeof *p);
}

/* Subscribe to the urls file's feeds (with the cache's titles). */
static int
newsboat_import_feeds(struct store *st, const struct newsboat_urls *u,
    struct store_newsboat *nb, int64_t *ids, struct newsboat_report *r)
{
	const struct newsboat_feed	*f;
	char				*title;
	size_t				 i, j;
	int				 rc;

	if (store_begin(st) != 0)
		return (-1);
	for (i = 0; i < u->nfeeds; i++) {
		f = &u->feeds[i];
		title = nb != NULL ? store_newsboat_feed_title(nb, f->url) :
		    NULL;
		rc = store_feed_add(st, f->url, title, &ids[i]);
		free(title);
		if (rc < 0 || (f->title != NULL &&
		    store_feed_title_set(st, ids[i], f->title) != 0))
			goto fail;
		for (j = 0; j < f->ntags; j++) {
			if (store_feed_tag(st, ids[i], f->tags[j]) != 0)
				goto fail;
		}
		r->feeds++;
		r->feeds_new += rc == 0;
		r->exec_feeds += f->exec;
	}
	if (store_commit(st) == 0)
		return (0);
fail:
	store_rollback(st);
	return (-1);
}

/* One feed's items from the cache, with their states. */
struct newsboat_items {
	struct feed_item	*items;
	int			*unread;
	char			**flags;
	int			*deleted;
	size_t			 n;
	struct newsboat_report	*report;
};

static int
newsboat_collect(const struct store_newsboat_item *it, void *arg)
{
	struct newsboat_items	*c = arg;

	c->items = xreallocarray(c->items, c->n + 1, sizeof *c->items);
	c->unread = xreallocarray(c->unread, c->n + 1, sizeof *c->unread);
	c->flags = xreallocarray(c->flags, c->n + 1, sizeof *c->flags);
	c->deleted = xreallocarray(c->deleted, c->n + 1, sizeof *c->deleted);
	feed_item_copy(&c->items[c->n], &it->item);
	c->unread[c->n] = it->unread;
	c->flags[c->n] = it->flags != NULL ? xstrdup(it->flags) : NULL;
	c->deleted[c->n] = it->deleted;
	c->n++;
	return (0);
}

static void
newsboat_items_clear(struct newsboat_items *c)
{
	size_t	 i;

	for (i = 0; i < c->n; i++) {
		feed_item_clear(&c->items[i]);
		free(c->flags[i]);
	}
	free(c->items);
	free(c->unread);
	free(c->flags);
	free(c->deleted);
	c->items = NULL;
	c->unread = c->deleted = NULL;
	c->flags = NULL;
	c->n = 0;
}

/* A flag-X tag on the item for each of its flag letters. */
static int
newsboat_flag_tags(struct store *st, int64_t id, const char *flags,
    size_t *count)
{
	struct store_filter	 f;
	const char		*s;
	char			*tag;
	int64_t			 matched;
	int			 rc = 0;

	memset(&f, 0, sizeof f);
	f.id = id;
	f.hidden = 1;
	for (s = flags; rc == 0 && *s != '\0'; s++) {
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
			continue;
		tag = newsboat_flag_tag(*s);
		rc = store_tag_items(st, &f, &tag, 1, NULL, 0, &matched);
		free(tag);
		(*count)++;
	}
	return (rc);
}

/* Inside the feed's transaction: states of the items new to telex. */
static int
newsboat_item_stored(struct store *st, int64_t feed_id, size_t i,
    enum store_upsert outcome, void *arg)
{
	struct newsboat_items	*c = arg;
	struct newsboat_report	*r = c->report;
	int64_t			 id;
	int			 starred;

	if (outcome != STORE_NEW)
		return (0);
	starred = c->flags[i] != NULL && c->flags[i][0] != '\0';
	if (store_item_state_set(st, feed_id, c->items[i].guid,
	    !c->unread[i], starred, c->deleted[i], &id) != 0)
		return (-1);
	r->items_new++;
	r->unread += c->unread[i] != 0;
	r->starred += starred;
	r->hidden += c->deleted[i] != 0;
	if (starred && id != 0 &&
	    newsboat_flag_tags(st, id, c->flags[i], &r->flag_tags) != 0)
		return (-1);
	return (0);
}

/* Every cached item of every feed in the urls file. */
static int
newsboat_import_items(struct store *st, struct store_newsboat *nb,
    const struct newsboat_urls *u, const int64_t *ids,
    struct newsboat_report *r, char **cause)
{
	struct newsboat_items	 c;
	struct ingest_result	 res;
	int64_t			 total;
	size_t			 i;
	int			 rc = 0;

	memset(&c, 0, sizeof c);
	c.report = r;
	for (i = 0; rc == 0 && i < u->nfeeds; i++) {
		if (store_newsboat_items(nb, u->feeds[i].url, newsboat_collect,
		    &c, cause) != 0)
			return (-1);
		r->items += c.n;
		if (c.n > 0 && ingest_items_store(st, ids[i], c.items, c.n,
		    newsboat_item_stored, &c, &res) != 0) {
			*cause = xasprintf("cannot store the items of %s: %s",
			    u->feeds[i].url, store_errmsg(st));
			rc = -1;
		}
		newsboat_items_clear(&c);
	}
	if (rc == 0 && store_newsboat_count(nb, &total) == 0)
		r->items_other = total - (int64_t)r->items;
	return (rc);
}

static int
newsboat_import_saved(struct store *st, const struct newsboat_urls *u,
    struct newsboat_report *r)
{
	size_t	 i;

	for (i = 0; i < u->nqueries; i++) {
		if (u->queries[i].query == NULL)
			continue;
		if (store_saved_put(st, u->queries[i].name,
		    u->queries[i].query) < 0)
			return (-1);
		r->saved++;
	}
	return (0);
}

static void
newsboat_import_config(const struct newsboat_paths *p,
    const char *telex_config, const struct newsboat_urls *u,
    struct newsboat_report *r)
{
	struct buf	 b;
	char		*cause = NULL;

	if (p->config == NULL)
		return;
	buf_init(&b, NEWSBOAT_FILE_MAX);
	if (util_read_file(p->config, &b, &cause) != 0) {
		newsboat_skip_add(&r->skips, &r->nskips, p->config, 0, cause);
		buf_free(&b);
		return;
	}
	newsboat_config_read(b.data, b.len, p->config, u->feeds, u->nfeeds,
	    &r->config);
	buf_free(&b);
	r->config_path = xstrdup(telex_config);
	if (newsboat_config_append(telex_config, &r->config, p->config,
	    &r->config_added, &cause) != 0)
		newsboat_skip_add(&r->skips, &r->nskips, telex_config, 0,
		    cause);
}

/* Move the urls file's skips into the report. */
static void
newsboat_take_skips(struct newsboat_report *r, struct newsboat_urls *u)
{
	size_t	 i;

	for (i = 0; i < u->nskips; i++)
		newsboat_skip_add(&r->skips, &r->nskips, u->skips[i].where, 0,
		    xstrdup(u->skips[i].reason));
}

int
newsboat_import(struct store *st, const struct newsboat_paths *p,
    const char *telex_config, struct newsboat_report *r, char **cause)
{
	struct newsboat_urls	 u;
	struct store_newsboat	*nb = NULL;
	struct buf		 b;
	int64_t			*ids = NULL;
	int			 rc = -1;

	memset(r, 0, sizeof *r);
	memset(&u, 0, sizeof u);
	buf_init(&b, NEWSBOAT_FILE_MAX);
	if (util_read_file(p->urls, &b, cause) != 0)
		goto out;
	newsboat_urls_read(b.data, b.len, p->urls, &u);
	newsboat_take_skips(r, &u);
	if (p->cache != NULL && store_newsboat_open(p->cache, &nb, cause) != 0)
		goto out;
	ids = xcalloc(u.nfeeds + 1, sizeof *ids);
	if (newsboat_import_feeds(st, &u, nb, ids, r) != 0 ||
	    newsboat_import_saved(st, &u, r) != 0) {
		*cause = xasprintf("cannot import %s: %s", p->urls,
		    store_errmsg(st));
		goto out;
	}
	if (nb != NULL && newsboat_import_items(st, nb, &u, ids, r,
	    cause) != 0)
		goto out;
	if (telex_config != NULL)
		newsboat_import_config(p, telex_config, &u, r);
	rc = 0;
out:
	store_newsboat_close(nb);
	newsboat_urls_free(&u);
	free(ids);
	buf_free(&b);
	return (rc);
}

void
newsboat_report_free(struct newsboat_report *r)
{
	newsboat_config_free(&r->config);
	newsboat_skips_free(r->skips, r->nskips);
	free(r->config_path);
	memset(r, 0, sizeof *r);
}

/* Are the two lists of tags the same, case aside? */
static int
newsboat_same_tags(char *const *a, size_t na, char *const *b, size_t nb)
{
	size_t	 i, j;

	if (na != nb)
		return (0);
	for (i = 0; i < na; i++) {
		for (j = 0; j < nb && !util_streq_nocase(a[i], b[j]); j++)
			;
		if (j == nb)
			return (0);
	}
	return (1);
}

static void
newsboat_list_add(char ***v, size_t *n, const char *s)
{
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[(*n)++] = xstrdup(s);
}

/* Title as listed: set when given, else the feed's own again. */
static int
newsboat_sync_title(struct store *st, int64_t id, const char *want,
    const char *have, int *changed)
{
	int	 set;

	if ((set = store_feed_title_is_set(st, id)) < 0)
		return (-1);
	if (want == NULL && !set)
		return (0);
	if (want != NULL && set && have != NULL && strcmp(want, have) == 0)
		return (0);
	*changed = 1;
	return (store_feed_title_set(st, id, want));
}

static int
newsboat_sync_one(struct store *st, const struct newsboat_feed *f,
    struct newsboat_sync *out)
{
	struct store_feed	 have;
	int64_t			 id;
	int			 rc, changed = 0;

	if ((rc = store_feed_add(st, f->url, NULL, &id)) < 0)
		return (-1);
	memset(&have, 0, sizeof have);
	if (store_feed_get(st, id, &have) != 0)
		return (-1);
	if (!newsboat_same_tags(f->tags, f->ntags, have.tags, have.ntags)) {
		changed = 1;
		if (store_feed_tags_set(st, id, f->tags, f->ntags) != 0)
			rc = -1;
	}
	if (rc >= 0 && newsboat_sync_title(st, id, f->title, have.title,
	    &changed) != 0)
		rc = -1;
	store_feed_free(&have);
	if (rc == 0)
		newsboat_list_add(&out->added, &out->nadded, f->url);
	else if (rc == 1 && changed)
		newsboat_list_add(&out->changed, &out->nchanged, f->url);
	return (rc < 0 ? -1 : 0);
}

int
newsboat_sync_feeds(struct store *st, const struct newsboat_feed *feeds,
    size_t n, int purge, struct newsboat_sync *out, char **cause)
{
	struct store_feed	*have = NULL;
	size_t			 nhave = 0, i, j;

	memset(out, 0, sizeof *out);
	if (store_begin(st) != 0 ||
	    store_feeds_list(st, &have, &nhave) != 0)
		goto fail;
	for (i = 0; i < nhave; i++) {
		for (j = 0; j < n && strcmp(have[i].url, feeds[j].url) != 0;
		    j++)
			;
		if (j < n)
			continue;
		if (store_feed_remove(st, have[i].id, purge) != 0)
			goto fail;
		newsboat_list_add(&out->removed, &out->nremoved, have[i].url);
	}
	for (i = 0; i < n; i++) {
		if (newsboat_sync_one(st, &feeds[i], out) != 0)
			goto fail;
	}
	if (store_commit(st) != 0)
		goto fail;
	store_feeds_free(have, nhave);
	return (0);
fail:
	*cause = xasprintf("cannot sync the subscriptions: %s",
	    store_errmsg(st));
	store_rollback(st);
	store_feeds_free(have, nhave);
	newsboat_sync_free(out);
	return (-1);
}

static void
newsboat_list_free(char **v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void
newsboat_sync_free(struct newsboat_sync *s)
{
	newsboat_list_free(s->added, s->nadded);
	newsboat_list_free(s->removed, s->nremoved);
	newsboat_list_free(s->changed, s->nchanged);
	memset(s, 0, sizeof *s);
}
