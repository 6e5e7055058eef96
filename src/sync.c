/*
 * One sync with a server: the queue of local changes sent, the server's
 * feeds and new articles stored (a page per transaction, so a sync cut
 * short keeps what it stored and the next one goes on), then the
 * server's read, starred and label state applied where no local change
 * waits.  The backend (src/sync-ttrss.c) speaks the server's API.
 */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>

#include "clean.h"
#include "sync.h"
#include "xml.h"

void
sync_config_free(struct sync_config *sc)
{
	free(sc->kind);
	free(sc->url);
	free(sc->user);
	free(sc->password_command);
	memset(sc, 0, sizeof *sc);
}

int
sync_config_get(const struct conf *cf, struct sync_config *sc, char **cause)
{
	const struct conf_line	*l, *last = NULL;
	size_t			 i = 0;

	memset(sc, 0, sizeof *sc);
	while ((l = conf_next(cf, "sync", &i)) != NULL)
		last = l;
	if (last == NULL)
		return (1);
	if (last->argc != 4 || strcmp(last->argv[1], "ttrss") != 0) {
		*cause = xasprintf("%s:%d: sync takes \"ttrss URL USER\" (Tiny "
		    "Tiny RSS is the server telex syncs with)", last->file,
		    last->line);
		return (-1);
	}
	if (strncmp(last->argv[2], "http://", 7) != 0 &&
	    strncmp(last->argv[2], "https://", 8) != 0) {
		*cause = xasprintf("%s:%d: sync: \"%s\" is not a web address; "
		    "give the server's address as the browser shows it",
		    last->file, last->line, last->argv[2]);
		return (-1);
	}
	sc->kind = xstrdup(last->argv[1]);
	sc->url = xstrdup(last->argv[2]);
	sc->user = xstrdup(last->argv[3]);
	i = 0;
	while ((l = conf_next(cf, "sync-password-command", &i)) != NULL) {
		if (l->argc != 2) {
			*cause = xasprintf("%s:%d: sync-password-command takes "
			    "one command (quote it)", l->file, l->line);
			sync_config_free(sc);
			return (-1);
		}
		free(sc->password_command);
		sc->password_command = xstrdup(l->argv[1]);
	}
	return (0);
}

static const struct sync_backend *
sync_backend_of(const struct sync_config *sc)
{
	(void)sc;
	return (&sync_ttrss);
}

/* Put "sync with SERVER: what: why" into *cause (which it frees). */
static int
sync_fail(struct sync_conn *c, const char *what, char **cause)
{
	char	*why = *cause;

	*cause = xasprintf("sync with %s: %s: %s", c->config->url, what,
	    why != NULL ? why : "unknown error");
	free(why);
	return (-1);
}

/* The length of a server address without its "/" and "api/" ending. */
static size_t
sync_base_len(const char *url)
{
	size_t	 len = strlen(url);

	while (len > 0 && url[len - 1] == '/')
		len--;
	if (len >= 4 && strncmp(url + len - 4, "/api", 4) == 0)
		len -= 4;
	while (len > 0 && url[len - 1] == '/')
		len--;
	return (len);
}

/* Do two addresses name the same server (as the browser, or its API)? */
static int
sync_same_server(const char *a, const char *b)
{
	size_t	 n = sync_base_len(a);

	return (n == sync_base_len(b) && strncmp(a, b, n) == 0);
}

/* Open a connection, logged in when the archive keeps no session. */
static int
sync_open(struct sync_conn *c, struct store *st, const struct sync_config *sc,
    const struct poll_options *po, struct sync_counts *counts,
    const struct sync_backend **be, char **cause)
{
	struct store_sync_state	 ss;

	memset(c, 0, sizeof *c);
	c->store = st;
	c->config = sc;
	c->poll = po;
	c->counts = counts;
	*be = sync_backend_of(sc);
	if (store_sync_state_get(st, &ss) < 0) {
		*cause = xasprintf("sync: cannot read the sync state: %s",
		    store_errmsg(st));
		return (-1);
	}
	/* Ids and session are the same server's and user's only. */
	if (ss.server != NULL && sync_same_server(ss.server, sc->url) &&
	    ss.user != NULL && strcmp(ss.user, sc->user) == 0) {
		c->session = ss.session;
		ss.session = NULL;
		c->api_level = ss.api_level;
	} else if (ss.server != NULL && store_sync_forget(st) != 0) {
		*cause = xasprintf("sync: cannot forget the last server: %s",
		    store_errmsg(st));
		store_sync_state_free(&ss);
		return (-1);
	} else
		ss.last_sync = 0;
	counts->first = ss.last_sync == 0;
	store_sync_state_free(&ss);
	if ((*be)->open(c, cause) != 0)
		return (sync_fail(c, "cannot use the address", cause));
	if (c->session == NULL && (*be)->login(c, cause) != 0) {
		(*be)->close(c);
		return (sync_fail(c, "cannot log in", cause));
	}
	if (store_sync_state_login(st, sc->url, sc->user, c->api_level,
	    c->session) != 0) {
		(*be)->close(c);
		*cause = xasprintf("sync: cannot store the sync state: %s",
		    store_errmsg(st));
		return (-1);
	}
	return (0);
}

static void
sync_close(struct sync_conn *c, const struct sync_backend *be)
{
	/* Keep the session for the next sync (it is no secret of ours). */
	if (c->session != NULL)
		store_sync_state_login(c->store, c->config->url,
		    c->config->user, c->api_level, c->session);
	be->close(c);
	free(c->session);
}

static int
sync_label_id(const struct sync_label *l, size_t n, const char *name,
    int64_t *id)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (strcasecmp(l[i].caption, name) == 0) {
			*id = l[i].id;
			return (0);
		}
	}
	return (-1);
}

/*
 * Send the changes from i on that share c[i]'s field and value, in
 * batches; *next is where the next group starts.  A tag with no label
 * on the server stays here and leaves the queue.
 */
static int
sync_push_group(struct sync_conn *c, const struct sync_backend *be,
    const struct store_sync_change *ch, size_t n, size_t i, size_t *next,
    const struct sync_label *labels, size_t nlabels, char **cause)
{
	enum sync_field	 field;
	int64_t		 label = 0, *ids;
	size_t		 j, k;
	int		 value = ch[i].value, rc = 0;

	for (j = i; j < n && strcmp(ch[j].field, ch[i].field) == 0 &&
	    ch[j].value == ch[i].value; j++)
		;
	*next = j;
	if (strcmp(ch[i].field, "read") == 0) {
		field = SYNC_FIELD_UNREAD;
		value = !value;
	} else if (strcmp(ch[i].field, "starred") == 0)
		field = SYNC_FIELD_STARRED;
	else {
		field = SYNC_FIELD_LABEL;
		if (strncmp(ch[i].field, "tag:", 4) != 0 || sync_label_id(labels,
		    nlabels, ch[i].field + 4, &label) != 0)
			return (store_sync_queue_done(c->store, ch + i, j - i));
	}
	ids = xreallocarray(NULL, SYNC_BATCH, sizeof *ids);
	for (; rc == 0 && i < j; i += k) {
		for (k = 0; k < SYNC_BATCH && i + k < j; k++)
			ids[k] = ch[i + k].sync_id;
		if ((rc = be->push(c, field, label, value, ids, k, cause)) != 0)
			break;
		if ((rc = store_sync_queue_done(c->store, ch + i, k)) != 0)
			*cause = xasprintf("cannot update the queue: %s",
			    store_errmsg(c->store));
		else
			c->counts->sent += k;
	}
	free(ids);
	return (rc);
}

static int
sync_push(struct sync_conn *c, const struct sync_backend *be,
    const struct sync_label *labels, size_t nlabels, char **cause)
{
	struct store_sync_change *ch;
	size_t			 n, i = 0;
	int			 rc = 0;

	if (store_sync_queue_list(c->store, &ch, &n) != 0) {
		*cause = xasprintf("cannot read the queue: %s",
		    store_errmsg(c->store));
		return (-1);
	}
	while (rc == 0 && i < n)
		rc = sync_push_group(c, be, ch, n, i, &i, labels, nlabels,
		    cause);
	store_sync_queue_free(ch, n);
	return (rc);
}

/* The server's feeds as synced feeds; those it dropped stop being. */
static int
sync_store_feeds(struct sync_conn *c, const struct sync_feed *f, size_t n,
    int64_t **local, char **cause)
{
	int64_t	*keep, id;
	size_t	 i;
	int	 rc = 0;

	keep = xreallocarray(NULL, n + 1, sizeof *keep);
	*local = xreallocarray(NULL, 2 * n + 1, sizeof **local);
	if (store_sync_apply_begin(c->store) != 0)
		rc = -1;
	for (i = 0; rc == 0 && i < n; i++) {
		keep[i] = f[i].id;
		rc = store_sync_feed_put(c->store, f[i].id, f[i].url,
		    f[i].title, f[i].category, &id);
		(*local)[i] = id;
		if (rc == 0 && ((*local)[n + i] = store_sync_feed_has_local(
		    c->store, id)) < 0)
			rc = -1;
	}
	if (rc == 0)
		rc = store_sync_feeds_keep(c->store, keep, n);
	if (store_sync_apply_end(c->store, rc) != 0) {
		*cause = xstrdup(store_errmsg(c->store));
		rc = -1;
	}
	free(keep);
	return (rc);
}

/*
 * The local feed of a server feed id, or 0; *mixed says whether it held
 * items of its own (polled here) when the sync began.  local holds the
 * n local ids, then n such flags.
 */
static int64_t
sync_local_feed(const struct sync_feed *f, size_t n, const int64_t *local,
    int64_t id, int *mixed)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (f[i].id == id) {
			*mixed = local[n + i] != 0;
			return (local[i]);
		}
	}
	return (0);
}

/* Store one page of articles in one transaction. */
static int
sync_store_page(struct sync_conn *c, const struct sync_article *a, size_t n,
    const struct sync_feed *f, size_t nf, const int64_t *local,
    int64_t *last_id)
{
	struct store_sync_item	 si;
	struct feed_item	 it;
	char			*text;
	size_t			 i;
	int			 rc = 0, added;

	if (store_sync_apply_begin(c->store) != 0)
		return (-1);
	for (i = 0; rc == 0 && i < n; i++) {
		if (a[i].id > *last_id)
			*last_id = a[i].id;
		memset(&si, 0, sizeof si);
		if ((si.feed_id = sync_local_feed(f, nf, local,
		    a[i].feed_id, &si.match_local)) == 0)
			continue;	/* a feed the server has just added */
		memset(&it, 0, sizeof it);
		it.guid = a[i].guid;
		it.url = a[i].url;
		it.title = a[i].title;
		it.author = a[i].author != NULL && *a[i].author != '\0' ?
		    a[i].author : NULL;
		it.published = a[i].updated;
		it.updated = a[i].updated;
		it.html = a[i].html;
		it.base = a[i].url;
		text = a[i].html != NULL ? clean_fragment(a[i].html,
		    strlen(a[i].html), a[i].url) : NULL;
		si.sync_id = a[i].id;
		si.item = &it;
		si.guid_hash = a[i].guid_hash;
		si.text = text;
		si.read = !a[i].unread;
		si.starred = a[i].starred;
		rc = store_sync_item_put(c->store, &si, &added);
		c->counts->new_items += added;
		free(text);
	}
	return (store_sync_apply_end(c->store, rc));
}

/* New articles, a page at a time from the newest id stored. */
static int
sync_articles(struct sync_conn *c, const struct sync_backend *be,
    const struct sync_feed *f, size_t nf, const int64_t *local,
    int64_t since, int64_t *last_id, const struct sync_cbs *cbs, void *arg,
    char **cause)
{
	struct sync_article	*a;
	size_t			 n, skip = 0;

	*last_id = since;
	for (;;) {
		if (be->articles(c, since, skip, &a, &n, cause) != 0)
			return (-1);
		if (sync_store_page(c, a, n, f, nf, local, last_id) != 0) {
			sync_articles_free(a, n);
			*cause = xasprintf("cannot store the articles: %s",
			    store_errmsg(c->store));
			return (-1);
		}
		sync_articles_free(a, n);
		c->counts->articles += n;
		skip += n;
		if (cbs != NULL && cbs->progress != NULL)
			cbs->progress(c->counts, arg);
		if (n < SYNC_PAGE)
			return (0);
	}
}

/* The server's read, starred and labels, where no local change waits. */
static int
sync_state(struct sync_conn *c, const struct sync_backend *be,
    const struct sync_label *labels, size_t nlabels, char **cause)
{
	int64_t		**ids;
	size_t		 *n, i, k = nlabels + 2;
	int		  rc = 0;

	ids = xcalloc(k, sizeof *ids);
	n = xcalloc(k, sizeof *n);
	rc = be->ids(c, SYNC_FIELD_UNREAD, 0, &ids[0], &n[0], cause);
	if (rc == 0)
		rc = be->ids(c, SYNC_FIELD_STARRED, 0, &ids[1], &n[1], cause);
	for (i = 0; rc == 0 && i < nlabels; i++)
		rc = be->ids(c, SYNC_FIELD_LABEL, labels[i].id, &ids[i + 2],
		    &n[i + 2], cause);
	if (rc == 0) {
		rc = store_sync_apply_begin(c->store);
		if (rc == 0)
			rc = store_sync_apply_flag(c->store, "read", ids[0],
			    n[0]);
		if (rc == 0)
			rc = store_sync_apply_flag(c->store, "starred", ids[1],
			    n[1]);
		for (i = 0; rc == 0 && i < nlabels; i++)
			rc = store_sync_apply_tag(c->store, labels[i].caption,
			    ids[i + 2], n[i + 2]);
		if (store_sync_apply_end(c->store, rc) != 0) {
			*cause = xasprintf("cannot store the server's state: "
			    "%s", store_errmsg(c->store));
			rc = -1;
		}
	}
	for (i = 0; i < k; i++)
		free(ids[i]);
	free(ids);
	free(n);
	return (rc);
}

static int
sync_steps(struct sync_conn *c, const struct sync_backend *be,
    const struct sync_cbs *cbs, void *arg, char **cause)
{
	struct store_sync_state	 ss;
	struct sync_feed	*f = NULL;
	struct sync_label	*l = NULL;
	struct buf		 names;
	int64_t			*local = NULL, last_id;
	size_t			 nf = 0, nl = 0, i;
	int			 rc = -1;
	const char		*what = "cannot list the feeds";

	if (be->feeds(c, &f, &nf, &l, &nl, cause) != 0)
		goto out;
	c->counts->feeds = nf;
	what = "cannot send the changes made here";
	if (sync_push(c, be, l, nl, cause) != 0)
		goto out;
	what = "cannot store the feeds";
	if (sync_store_feeds(c, f, nf, &local, cause) != 0)
		goto out;
	what = "cannot fetch the new articles";
	if (store_sync_state_get(c->store, &ss) < 0) {
		*cause = xstrdup(store_errmsg(c->store));
		goto out;
	}
	last_id = ss.last_id;
	store_sync_state_free(&ss);
	if (sync_articles(c, be, f, nf, local, last_id, &last_id, cbs, arg,
	    cause) != 0)
		goto out;
	what = "cannot fetch the read, starred and labels";
	if (sync_state(c, be, l, nl, cause) != 0)
		goto out;
	what = "cannot store the sync state";
	buf_init(&names, 0);
	for (i = 0; i < nl; i++)
		buf_printf(&names, "%s\n", l[i].caption);
	i = store_sync_state_done(c->store, last_id, util_now(),
	    names.len != 0 ? names.data : NULL);
	buf_free(&names);
	if (i != 0) {
		*cause = xstrdup(store_errmsg(c->store));
		goto out;
	}
	rc = 0;
out:
	if (rc != 0)
		sync_fail(c, what, cause);
	sync_feeds_free(f, nf);
	sync_labels_free(l, nl);
	free(local);
	return (rc);
}

int
sync_run(struct store *st, const struct sync_config *sc,
    const struct poll_options *po, const struct sync_cbs *cbs, void *arg,
    struct sync_counts *counts, char **cause)
{
	const struct sync_backend *be;
	struct sync_conn	 c;
	double			 start = util_monotonic();
	int			 rc;

	memset(counts, 0, sizeof *counts);
	if (xml_need(cause) != 0)
		return (-1);
	if (sync_open(&c, st, sc, po, counts, &be, cause) != 0) {
		free(c.session);
		return (-1);
	}
	rc = sync_steps(&c, be, cbs, arg, cause);
	counts->api_level = c.api_level;
	sync_close(&c, be);
	counts->seconds = util_monotonic() - start;
	return (rc);
}

int
sync_subscribe(struct store *st, const struct sync_config *sc,
    const struct poll_options *po, const char *const *urls, size_t n,
    int64_t *ids, char **cause)
{
	const struct sync_backend *be;
	struct sync_conn	 c;
	struct sync_counts	 counts;
	struct sync_feed	*f = NULL;
	struct sync_label	*l = NULL;
	size_t			 nf = 0, nl = 0, i, j;
	int			 rc = -1;

	memset(ids, 0, n * sizeof *ids);
	if (sync_open(&c, st, sc, po, &counts, &be, cause) != 0) {
		free(c.session);
		return (-1);
	}
	for (i = 0; i < n; i++) {
		if (be->subscribe(&c, urls[i], cause) != 0) {
			sync_fail(&c, "cannot subscribe", cause);
			goto out;
		}
	}
	if (be->feeds(&c, &f, &nf, &l, &nl, cause) != 0) {
		sync_fail(&c, "cannot list the feeds", cause);
		goto out;
	}
	rc = 0;
	for (i = 0; rc == 0 && i < nf; i++) {
		for (j = 0; rc == 0 && j < n; j++) {
			if (strcmp(f[i].url, urls[j]) == 0)
				rc = store_sync_feed_put(st, f[i].id, f[i].url,
				    f[i].title, f[i].category, &ids[j]);
		}
	}
	if (rc != 0)
		*cause = xasprintf("cannot store the feed: %s",
		    store_errmsg(st));
out:
	sync_feeds_free(f, nf);
	sync_labels_free(l, nl);
	sync_close(&c, be);
	return (rc);
}

int
sync_unsubscribe(struct store *st, const struct sync_config *sc,
    const struct poll_options *po, int64_t feed_id, char **cause)
{
	const struct sync_backend *be;
	struct sync_conn	 c;
	struct sync_counts	 counts;
	int64_t			 sid;
	int			 rc;

	if ((rc = store_sync_feed_server_id(st, feed_id, &sid)) != 0) {
		if (rc < 0)
			*cause = xstrdup(store_errmsg(st));
		return (rc);
	}
	if (sync_open(&c, st, sc, po, &counts, &be, cause) != 0) {
		free(c.session);
		return (-1);
	}
	if ((rc = be->unsubscribe(&c, sid, cause)) != 0)
		sync_fail(&c, "cannot unsubscribe", cause);
	sync_close(&c, be);
	return (rc);
}

/* Is name one of the lines of labels? */
static int
sync_is_label(const char *labels, const char *name)
{
	const char	*p = labels, *e;
	size_t		 len = strlen(name);

	while (p != NULL && *p != '\0') {
		e = strchr(p, '\n');
		if ((size_t)(e != NULL ? e - p : (ptrdiff_t)strlen(p)) == len &&
		    strncasecmp(p, name, len) == 0)
			return (1);
		p = e != NULL ? e + 1 : NULL;
	}
	return (0);
}

int
sync_report(struct store *st, struct sync_report *r, char **cause)
{
	struct store_sync_state	 ss;
	struct store_tag_count	*tags;
	size_t			 n, i;

	memset(r, 0, sizeof *r);
	if (store_sync_state_get(st, &ss) < 0 ||
	    store_sync_queue_count(st, &r->queued) != 0 ||
	    store_tags_counts(st, &tags, &n) != 0) {
		*cause = xasprintf("cannot read the sync state: %s",
		    store_errmsg(st));
		store_sync_state_free(&ss);
		return (-1);
	}
	r->server = ss.server;
	ss.server = NULL;
	r->api_level = ss.api_level;
	r->last_sync = ss.last_sync;
	for (i = 0; i < n; i++) {
		if (tags[i].feeds != 0 || sync_is_label(ss.labels,
		    tags[i].name))
			continue;
		r->local_tags = xreallocarray(r->local_tags,
		    r->nlocal_tags + 1, sizeof *r->local_tags);
		r->local_tags[r->nlocal_tags++] = xstrdup(tags[i].name);
	}
	store_tag_counts_free(tags, n);
	store_sync_state_free(&ss);
	return (0);
}

void
sync_report_free(struct sync_report *r)
{
	size_t	 i;

	for (i = 0; i < r->nlocal_tags; i++)
		free(r->local_tags[i]);
	free(r->local_tags);
	free(r->server);
	memset(r, 0, sizeof *r);
}
