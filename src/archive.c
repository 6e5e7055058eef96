/*
 * Archiving the web pages of items: each is fetched through the poller,
 * cleaned into its article and stored beside the feed's text, which a
 * page that holds less (a paywall, a script-built page) never replaces.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "archive.h"
#include "clean.h"

#define ARCHIVE_BATCH	100	/* items per transaction (reclean) */

/* One item whose page is fetched. */
struct archive_job {
	int64_t		 item_id;
	char		*url;
	size_t		 feed_len;	/* length of the feed's text */
	int		 had_text;	/* the page had text already */
	char		*old_text;
	char		*etag;
	char		*last_modified;
};

struct archive {
	struct store		*store;
	struct archive_cbs	 cbs;
	void			*arg;
	struct archive_job	*jobs;
	size_t			 njobs;
	struct archive_counts	 counts;
};

struct archive *
archive_create(struct store *st, const struct archive_cbs *cbs, void *arg)
{
	struct archive	*ar;

	ar = xcalloc(1, sizeof *ar);
	ar->store = st;
	if (cbs != NULL)
		ar->cbs = *cbs;
	ar->arg = arg;
	return (ar);
}

void
archive_free(struct archive *ar)
{
	size_t	 i;

	if (ar == NULL)
		return;
	for (i = 0; i < ar->njobs; i++) {
		free(ar->jobs[i].url);
		free(ar->jobs[i].old_text);
		free(ar->jobs[i].etag);
		free(ar->jobs[i].last_modified);
	}
	free(ar->jobs);
	free(ar);
}

const struct archive_counts *
archive_counts(const struct archive *ar)
{
	return (&ar->counts);
}

/* Say one failure: what failed, why and what to do. */
static void
archive_failure(struct archive *ar, const struct archive_job *j,
    const char *why, const char *hint)
{
	struct archive_failure	 f;
	char			*url, *safe;

	ar->counts.failed++;
	if (ar->cbs.failed == NULL)
		return;
	url = util_display_safe(j->url);
	safe = util_display_safe(why);
	f.item_id = j->item_id;
	f.url = url;
	f.error = safe;
	f.hint = hint;
	ar->cbs.failed(&f, ar->arg);
	free(url);
	free(safe);
}

static void
archive_progress(struct archive *ar)
{
	if (ar->cbs.progress != NULL)
		ar->cbs.progress(&ar->counts, ar->arg);
}

static const char *
archive_http_hint(long status)
{
	if (status == 404 || status == 410)
		return ("the page is gone; the feed's text is kept");
	if (status == 401 || status == 403)
		return ("the site refuses telex (a login or a paywall?); the "
		    "feed's text is kept");
	if (status == 429 || status == 503)
		return ("the site asked telex to wait; run telex archive "
		    "again later");
	if (status >= 500)
		return ("the site is failing; run telex archive again later");
	return ("check the item's address with telex show");
}

static const char *
archive_hint(const struct poll_response *r)
{
	switch (r->error_kind) {
	case POLL_ERROR_HTTP:
		return (archive_http_hint(r->http_status));
	case POLL_ERROR_NETWORK:
		return ("check the network connection and run telex archive "
		    "again");
	case POLL_ERROR_TIMEOUT:
		return ("the site is slow or unreachable; try again later or "
		    "with fewer transfers (-j)");
	case POLL_ERROR_TLS:
		return ("the connection cannot be trusted; the page was not "
		    "kept");
	case POLL_ERROR_TOO_BIG:
		return ("the page is larger than telex keeps; the feed's "
		    "text is kept");
	case POLL_ERROR_REDIRECT:
		return ("the site redirects in a loop or to an address telex "
		    "does not follow");
	default:
		return ("check the item's address with telex show");
	}
}

/* Fill a page from what was fetched and what the cleaner found. */
static void
archive_page(struct store_page *p, const struct archive_job *j,
    const struct poll_response *r, struct clean_article *a)
{
	memset(p, 0, sizeof *p);
	p->item_id = j->item_id;
	p->url = j->url;
	p->final_url = (char *)r->final_url;
	p->html = (char *)r->body;
	p->charset = (char *)r->charset;
	p->etag = (char *)r->etag;
	p->last_modified = (char *)r->last_modified;
	p->archived = p->checked = util_now();
	p->http_status = (int)r->http_status;
	p->title = a->title;
	p->byline = a->byline;
	p->published = a->published;
	p->site_name = a->site_name;
	p->lang = a->lang;
	p->image = a->image;
	p->text = a->text;
	p->modified = a->modified;
	p->image_alt = a->image_alt;
}

/*
 * Why a page's text is not used in place of the feed's, or NULL: none
 * at all, or much less than the feed gave (a paywall, a script-built
 * page).
 */
static const char *
archive_reject(int clean_rc, const char *text, size_t feed_len)
{
	if (clean_rc != 0 || text == NULL || *text == '\0')
		return ("the page holds no readable text (it may be built by "
		    "scripts or need a login)");
	if (strlen(text) * 2 < feed_len)
		return ("the page holds less text than the feed (a paywall or "
		    "a page built by scripts?)");
	return (NULL);
}

static void
archive_count(struct archive *ar, const struct archive_job *j,
    const char *text)
{
	if (!j->had_text)
		ar->counts.new_pages++;
	else if (j->old_text != NULL && strcmp(j->old_text, text) == 0)
		ar->counts.unchanged++;
	else
		ar->counts.updated++;
}

/* A page came: clean it and store it (without text if rejected). */
static void
archive_fetched(struct archive *ar, const struct archive_job *j,
    const struct poll_response *r)
{
	struct clean_article	 a;
	struct store_page	 p;
	const char		*why;
	int			 rc;

	rc = clean_page(r->body, r->len, r->final_url != NULL ?
	    r->final_url : j->url, r->charset, &a);
	why = archive_reject(rc, a.text, j->feed_len);
	archive_page(&p, j, r, &a);
	if (why != NULL) {
		p.text = NULL;
		p.error = (char *)why;
	}
	if (store_page_put(ar->store, &p) != 0) {
		ar->counts.store_failed = 1;
		archive_failure(ar, j, store_errmsg(ar->store),
		    "the archive could not be written; see the message");
	} else if (why != NULL)
		archive_failure(ar, j, why, "the feed's text is kept");
	else
		archive_count(ar, j, a.text);
	clean_article_free(&a);
}

/* A transfer ended. */
static void
archive_done(const struct poll_response *r, void *arg)
{
	struct archive			*ar = arg;
	const struct archive_job	*j = r->req->user;
	const char			*error = NULL;

	ar->counts.done++;
	if (r->result == POLL_OK)
		archive_fetched(ar, j, r);
	else {
		if (r->result == POLL_FAILED)
			error = r->error != NULL ? r->error :
			    "the page could not be fetched";
		if (store_page_checked(ar->store, j->item_id, j->url,
		    util_now(), (int)r->http_status, error) != 0) {
			ar->counts.store_failed = 1;
			archive_failure(ar, j, store_errmsg(ar->store),
			    "the archive could not be written");
		} else if (error != NULL)
			archive_failure(ar, j, error, archive_hint(r));
		else
			ar->counts.unchanged++;
	}
	archive_progress(ar);
}

static int
archive_is_web(const char *url)
{
	return (url != NULL && (util_starts_nocase(url, "http://") ||
	    util_starts_nocase(url, "https://")));
}

/* Take what the archive knows of item id's page into a new job. */
static void
archive_job_add(struct archive *ar, const struct store_item *it,
    struct store_page *p)
{
	struct archive_job	*j;

	ar->jobs = xreallocarray(ar->jobs, ar->njobs + 1, sizeof *ar->jobs);
	j = &ar->jobs[ar->njobs++];
	memset(j, 0, sizeof *j);
	j->item_id = it->id;
	j->url = xstrdup(it->url);
	j->feed_len = it->text != NULL ? strlen(it->text) : 0;
	j->had_text = p->text != NULL;
	j->old_text = p->text;
	p->text = NULL;
	if (p->html != NULL) {
		j->etag = p->etag;
		j->last_modified = p->last_modified;
		p->etag = p->last_modified = NULL;
	}
	ar->counts.total++;
}

int
archive_add(struct archive *ar, int64_t id)
{
	struct store_item	 it;
	struct store_page	 p;
	size_t			 i;
	int			 rc;

	for (i = 0; i < ar->njobs; i++) {
		if (ar->jobs[i].item_id == id)
			return (0);
	}
	if ((rc = store_item_get(ar->store, id, &it)) != 0)
		return (rc == 1 ? 0 : -1);
	if (!archive_is_web(it.url)) {
		ar->counts.no_address++;
		store_item_free(&it);
		return (0);
	}
	if ((rc = store_page_get(ar->store, id, &p)) < 0) {
		store_item_free(&it);
		return (-1);
	}
	archive_job_add(ar, &it, &p);
	store_page_free(&p);
	store_item_free(&it);
	return (0);
}

/* Collect the ids of a list. */
struct archive_ids {
	int64_t		*ids;
	size_t		 n;
};

static int
archive_collect(const struct store_item *it, void *arg)
{
	struct archive_ids	*l = arg;

	l->ids = xreallocarray(l->ids, l->n + 1, sizeof *l->ids);
	l->ids[l->n++] = it->id;
	return (0);
}

/* Add each of ids; -1 when the archive fails. */
static int
archive_add_ids(struct archive *ar, const int64_t *ids, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (archive_add(ar, ids[i]) != 0)
			return (-1);
	}
	return (0);
}

int
archive_add_filter(struct archive *ar, const struct store_filter *f)
{
	struct archive_ids	 l;
	int			 rc = -1;

	memset(&l, 0, sizeof l);
	if (store_items_list(ar->store, f, archive_collect, &l) == 0)
		rc = archive_add_ids(ar, l.ids, l.n);
	free(l.ids);
	return (rc);
}

int
archive_add_feed(struct archive *ar, int64_t feed_id, int64_t since)
{
	int64_t	*ids;
	size_t	 n;
	int	 rc;

	if (store_pages_pending(ar->store, feed_id, since, &ids, &n) != 0)
		return (-1);
	rc = archive_add_ids(ar, ids, n);
	free(ids);
	return (rc);
}

int
archive_run(struct archive *ar, const struct poll_options *opts,
    const atomic_int *cancel)
{
	struct poll_options	 o = *opts;
	struct poll_request	 req;
	struct poll		*p;
	size_t			 i;

	archive_progress(ar);
	if (ar->njobs == 0)
		return (0);
	o.allow_file = 0;
	p = poll_create(&o, archive_done, ar);
	for (i = 0; i < ar->njobs; i++) {
		memset(&req, 0, sizeof req);
		req.feed_id = ar->jobs[i].item_id;
		req.url = ar->jobs[i].url;
		req.etag = ar->jobs[i].etag;
		req.last_modified = ar->jobs[i].last_modified;
		req.user = &ar->jobs[i];
		poll_add(p, &req);
	}
	while (poll_step(p, 100) > 0 && (cancel == NULL ||
	    !atomic_load(cancel)))
		;
	poll_free(p);
	return (ar->counts.store_failed ? -1 : 0);
}

void
archive_summary(const struct archive_counts *c, struct buf *b)
{
	buf_printf(b, "archived %zu page%s: %zu new, %zu unchanged, %zu failed",
	    c->total, c->total == 1 ? "" : "s", c->new_pages, c->unchanged,
	    c->failed);
	if (c->updated != 0)
		buf_printf(b, ", %zu updated", c->updated);
	if (c->no_address != 0)
		buf_printf(b, " (%zu without a web address skipped)",
		    c->no_address);
}

/* Clean an item's feed HTML again; 1 if its text changed. */
static int
archive_reclean_feed(struct store *st, const struct store_item *it,
    size_t *feed_len)
{
	char	*text;
	int	 rc = 0;

	*feed_len = it->text != NULL ? strlen(it->text) : 0;
	if (it->html == NULL)
		return (0);
	text = clean_fragment(it->html, strlen(it->html), it->base);
	*feed_len = strlen(text);
	if (it->text == NULL || strcmp(text, it->text) != 0)
		rc = store_item_retext(st, it->id, text) != 0 ? -1 : 1;
	free(text);
	return (rc);
}

static int
archive_same(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return (a == b);
	return (strcmp(a, b) == 0);
}

/* Did the cleaner find other text or metadata than what is stored? */
static int
archive_page_differs(const struct store_page *old,
    const struct store_page *p)
{
	return (!archive_same(old->text, p->text) ||
	    !archive_same(old->title, p->title) ||
	    !archive_same(old->byline, p->byline) ||
	    !archive_same(old->published, p->published) ||
	    !archive_same(old->site_name, p->site_name) ||
	    !archive_same(old->lang, p->lang) ||
	    !archive_same(old->image, p->image) ||
	    !archive_same(old->modified, p->modified) ||
	    !archive_same(old->image_alt, p->image_alt));
}

/* Clean an item's stored page again; 1 if anything changed. */
static int
archive_reclean_page(struct store *st, int64_t id, size_t feed_len)
{
	struct clean_article	 a;
	struct store_page	 old, p;
	int			 rc, crc;

	if ((rc = store_page_get(st, id, &old)) != 0)
		return (rc == 1 ? 0 : -1);
	rc = 0;
	if (old.html == NULL)
		goto out;
	crc = clean_page(old.html, strlen(old.html), old.final_url != NULL ?
	    old.final_url : old.url, old.charset, &a);
	p = old;
	p.title = a.title;
	p.byline = a.byline;
	p.published = a.published;
	p.site_name = a.site_name;
	p.lang = a.lang;
	p.image = a.image;
	p.modified = a.modified;
	p.image_alt = a.image_alt;
	p.text = archive_reject(crc, a.text, feed_len) != NULL ? NULL :
	    a.text;
	if (archive_page_differs(&old, &p))
		rc = store_page_retext(st, &p) != 0 ? -1 : 1;
	clean_article_free(&a);
out:
	store_page_free(&old);
	return (rc);
}

/* Reclean one item: 1 if it changed, 0 if not, -1 on error. */
static int
archive_reclean_one(struct store *st, int64_t id)
{
	struct store_item	 it;
	size_t			 feed_len;
	int			 rc, feed, page;

	if ((rc = store_item_get(st, id, &it)) != 0)
		return (rc == 1 ? 0 : -1);
	feed = archive_reclean_feed(st, &it, &feed_len);
	store_item_free(&it);
	if (feed < 0)
		return (-1);
	if ((page = archive_reclean_page(st, id, feed_len)) < 0)
		return (-1);
	return (feed || page);
}

static int
archive_reclean_ids(struct store *st, const int64_t *ids, size_t n,
    size_t *changed)
{
	size_t	 i;
	int	 rc = 0, one;

	*changed = 0;
	for (i = 0; i < n && rc == 0; i++) {
		if (i % ARCHIVE_BATCH == 0 && ((i != 0 &&
		    store_commit(st) != 0) || store_begin(st) != 0)) {
			rc = -1;
			break;
		}
		if ((one = archive_reclean_one(st, ids[i])) < 0)
			rc = -1;
		else
			*changed += (size_t)one;
	}
	if (rc == 0 && n != 0)
		rc = store_commit(st);
	if (rc != 0)
		store_rollback(st);
	return (rc);
}

int
archive_reclean(struct store *st, const struct store_filter *f,
    size_t *matched, size_t *changed)
{
	struct archive_ids	 l;
	int			 rc = -1;

	memset(&l, 0, sizeof l);
	*matched = *changed = 0;
	if (store_items_list(st, f, archive_collect, &l) == 0) {
		*matched = l.n;
		rc = archive_reclean_ids(st, l.ids, l.n, changed);
	}
	free(l.ids);
	return (rc);
}
