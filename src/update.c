/*
 * A poll session: the poller fetches the chosen feeds in parallel, this
 * thread parses each as it arrives, the ingest pipeline cleans and
 * stores it under the rules, and archive-feed pages follow.
 */
#include "config.h"

#include <errno.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "feedopt.h"
#include "lock.h"
#include "rules.h"
#include "run.h"
#include "article.h"
#include "sync.h"
#include "update.h"
#include "xml.h"

#define UPDATE_SECONDS_MAX	3600	/* longest time limit a user may set */
#define UPDATE_NOTIFY_SECONDS	10	/* the notify command's time */
#define UPDATE_SECRET_SECONDS	30	/* a password-command's time */

/* A feed that failed before its transfer could start. */
struct update_setup_failure {
	int64_t		 feed_id;
	char		*url;
	char		*error;
};

struct update {
	struct store		*store;
	const struct update_cbs	*cbs;
	void			*arg;
	struct update_counts	*counts;
	atomic_int		 store_failed;	/* set by the storing thread */
	struct ingest_queue	*queue;
	int			 xml;		/* 1 loaded, -1 missing */
	char			*xml_cause;
	const struct feedopt	*fo;		/* the feed lines */
	struct update_setup_failure *setup;	/* said once storing starts */
	size_t			 nsetup;
	int			 bad_lines;	/* a feed line names no feed */
	const char		*cookie_file;	/* set cookie-file, or NULL */
	int64_t			*synced;	/* feeds the server fetches */
	size_t			 nsynced;
};

int
update_poll_options(const struct conf *cf, struct poll_options *o,
    char **cause)
{
	const char	*s;

	if (conf_number(cf, "poll-timeout", "seconds", 1, UPDATE_SECONDS_MAX,
	    &o->transfer_timeout, cause) != 0 ||
	    conf_number(cf, "poll-low-speed-time", "seconds", 1,
	    UPDATE_SECONDS_MAX, &o->low_speed_time, cause) != 0)
		return (-1);
	if ((s = conf_string(cf, "user-agent")) != NULL)
		o->user_agent = s;
	if ((s = conf_string(cf, "proxy")) != NULL)
		o->proxy = strcmp(s, "none") == 0 ? "" : s;
	if ((s = conf_string(cf, "cookie-file")) != NULL)
		o->cookie_file = s;
	return (0);
}

static void
update_progress(struct update *u)
{
	if (u->cbs->progress != NULL)
		u->cbs->progress(u->counts, u->arg);
}

/* A feed is stored (in the writer thread): count it and tell. */
static void
update_stored(const struct ingest_result *res, int status, void *arg)
{
	struct update		*u = arg;
	struct update_counts	*c = u->counts;
	struct ingest_result	 copy;

	c->done++;
	if (status != 0) {
		atomic_store(&u->store_failed, 1);
		c->store_failed = 1;
		c->failed++;
		copy = *res;
		copy.error = xasprintf("cannot store it: %s",
		    store_errmsg(u->store));
		if (u->cbs->feed_failed != NULL)
			u->cbs->feed_failed(&copy, u->arg);
		free(copy.error);
	} else if (res->failed) {
		c->failed++;
		if (u->cbs->feed_failed != NULL)
			u->cbs->feed_failed(res, u->arg);
	} else if (res->new_items == 0 && res->updated_items == 0)
		c->unchanged++;
	c->new_items += res->new_items;
	c->updated += res->updated_items;
	update_progress(u);
}

/* A transfer ended: parse it here, clean and store it in the pipeline. */
static void
update_fetched(const struct poll_response *r, void *arg)
{
	struct update	*u = arg;

	/*
	 * The HTML library is loaded with the first document (a poll that
	 * finds nothing new needs none); without it nothing can be cleaned.
	 * Once the archive cannot be written, the rest would fail alike.
	 */
	if (r->result == POLL_OK && u->xml == 0)
		u->xml = xml_need(&u->xml_cause) == 0 ? 1 : -1;
	if (atomic_load(&u->store_failed) || (r->result == POLL_OK &&
	    u->xml == -1)) {
		u->counts->abandoned++;
		return;
	}
	ingest_queue_push(u->queue, ingest_prepare(r));
}

/* Keep a feed's failure to be stored with the fetched ones. */
static void
update_setup_fail(struct update *u, const struct store_feed *f, char *error)
{
	struct update_setup_failure	*sf;

	u->setup = xreallocarray(u->setup, u->nsetup + 1, sizeof *u->setup);
	sf = &u->setup[u->nsetup++];
	sf->feed_id = f->id;
	sf->url = xstrdup(f->url);
	sf->error = error;
}

/* Hand the setup failures to the pipeline, as failed transfers. */
static void
update_setup_flush(struct update *u)
{
	struct poll_request	 req;
	struct poll_response	 r;
	size_t			 i;

	for (i = 0; i < u->nsetup; i++) {
		memset(&req, 0, sizeof req);
		memset(&r, 0, sizeof r);
		req.feed_id = u->setup[i].feed_id;
		req.url = u->setup[i].url;
		r.req = &req;
		r.result = POLL_FAILED;
		r.error_kind = POLL_ERROR_SETUP;
		r.error = u->setup[i].error;
		r.body = "";
		r.retry_after = -1;
		ingest_queue_push(u->queue, ingest_prepare(&r));
		free(u->setup[i].url);
		free(u->setup[i].error);
	}
	free(u->setup);
	u->setup = NULL;
	u->nsetup = 0;
}

/* A cookie file that cannot be read: why, else NULL. */
static char *
update_cookie_check(const char *path)
{
	char	*full, *why = NULL;

	full = util_home_path(path);
	if (access(full, R_OK) != 0)
		why = xasprintf("cannot read the cookie file %s: %s", path,
		    strerror(errno));
	free(full);
	return (why);
}

/*
 * The feed's own HTTP options into req; the password, from its command,
 * into *password (the caller wipes it).  0, or -1 with *why.
 */
static int
update_request_options(const struct update *u, const struct feedopt_set *set,
    struct poll_request *req, char **password, char **why)
{
	const char	*cookies;
	char		*cause = NULL;

	*password = NULL;
	req->user_agent = set->user_agent;
	req->headers = set->headers;
	req->nheaders = set->nheaders;
	req->proxy = set->proxy != NULL && strcmp(set->proxy, "none") == 0 ?
	    "" : set->proxy;
	req->cookie_file = set->cookie_file;
	cookies = set->cookie_file != NULL ? set->cookie_file : u->cookie_file;
	if (cookies != NULL && (*why = update_cookie_check(cookies)) != NULL)
		return (-1);
	if (set->password_command != NULL && set->auth_user == NULL) {
		*why = xstrdup("a password-command needs an auth basic USER "
		    "line for the same feed");
		return (-1);
	}
	req->username = set->auth_user;
	if (set->password_command == NULL)
		return (0);
	if (run_secret(set->password_command, UPDATE_SECRET_SECONDS,
	    password, &cause) != 0) {
		*why = xasprintf("password-command: %s", cause);
		free(cause);
		return (-1);
	}
	req->password = *password;
	return (0);
}

/* Wipe and free a password. */
static void
update_wipe(char *s)
{
	if (s != NULL)
		util_wipe(s, strlen(s));
	free(s);
}

static void
update_queue(struct update *u, struct poll *p, const struct store_feed *f)
{
	struct poll_request	 req;
	struct feedopt_set	 set;
	char			*password = NULL, *why = NULL;

	memset(&req, 0, sizeof req);
	req.feed_id = f->id;
	req.url = f->url;
	req.etag = f->etag;
	req.last_modified = f->last_modified;
	feedopt_get(u->fo, f, &set);
	if (update_request_options(u, &set, &req, &password, &why) == 0)
		poll_add(p, &req);
	else
		update_setup_fail(u, f, why);
	update_wipe(password);
	feedopt_set_clear(&set);
	u->counts->total++;
}

/* 1 when a poll-interval line says f is not due yet. */
static int
update_not_due(struct update *u, const struct store_feed *f, int64_t now)
{
	struct feedopt_set	 set;
	int			 wait;

	feedopt_get(u->fo, f, &set);
	wait = set.poll_interval > 0 && f->last_poll > 0 &&
	    now - f->last_poll < (int64_t)set.poll_interval;
	feedopt_set_clear(&set);
	return (wait);
}

/* Queue the named feeds, back-off or not; -1 with *cause. */
static int
update_named(struct update *u, struct poll *p,
    const struct update_options *o, char **cause)
{
	struct store_feed	 f;
	int64_t			 id;
	size_t			 i;
	int			 rc;

	for (i = 0; i < o->nfeeds; i++) {
		if ((rc = store_feed_find(u->store, o->feeds[i], &id)) != 0) {
			*cause = rc > 0 ? xasprintf("no feed \"%s\"; telex "
			    "feeds lists them", o->feeds[i]) : xasprintf(
			    "cannot find feed \"%s\": %s", o->feeds[i],
			    store_errmsg(u->store));
			return (-1);
		}
		if (store_feed_get(u->store, id, &f) != 0) {
			*cause = xasprintf("cannot read feed %lld: %s",
			    (long long)id, store_errmsg(u->store));
			return (-1);
		}
		update_queue(u, p, &f);
		store_feed_free(&f);
	}
	return (0);
}

static int
update_is_synced(const struct update *u, int64_t id)
{
	size_t	 i;

	for (i = 0; i < u->nsynced; i++) {
		if (u->synced[i] == id)
			return (1);
	}
	return (0);
}

static void
update_sync_progress(const struct sync_counts *sc, void *arg)
{
	struct update	*u = arg;

	u->counts->sync_articles = sc->articles;
	u->counts->sync_new_items = sc->new_items;
	update_progress(u);
}

/*
 * With a "sync" line, sync with the server first; its feeds are then
 * left to it.  A failure is said through warn, and the local feeds are
 * polled all the same.
 */
static void
update_sync(struct update *u, const struct conf *cf,
    const struct poll_options *po)
{
	static const struct sync_cbs cbs = { update_sync_progress };
	struct sync_config	 sc;
	struct sync_counts	 c;
	char			*cause = NULL;
	int			 rc;

	if (sync_config_get(cf, &sc, &cause) != 0) {
		free(cause);	/* said by update_settings */
		return;
	}
	u->counts->syncing = 1;
	update_progress(u);
	rc = sync_run(u->store, &sc, po, &cbs, u, &c, &cause);
	u->counts->syncing = 0;
	if (rc != 0) {
		u->counts->synced = -1;
		if (u->cbs->warn != NULL)
			u->cbs->warn(cause, u->arg);
		free(cause);
	} else
		u->counts->synced = 1;
	u->counts->sync_new_items = c.new_items;
	u->counts->sync_sent = c.sent;
	if (store_sync_feed_ids(u->store, &u->synced, &u->nsynced) != 0) {
		u->synced = NULL;
		u->nsynced = 0;
	}
	sync_config_free(&sc);
}

/* Queue every feed that is not waiting out a back-off. */
static int
update_all(struct update *u, struct poll *p, char **cause)
{
	struct store_feed	*feeds;
	size_t			 n, i;
	int64_t			 now = util_now();

	if (store_feeds_list(u->store, &feeds, &n) != 0) {
		*cause = xasprintf("cannot list feeds: %s",
		    store_errmsg(u->store));
		return (-1);
	}
	for (i = 0; i < n; i++) {
		if (update_is_synced(u, feeds[i].id))
			continue;
		if (update_not_due(u, &feeds[i], now)) {
			u->counts->not_due++;
			continue;
		}
		if (feeds[i].backoff_until > now)
			u->counts->skipped++;
		else
			update_queue(u, p, &feeds[i]);
	}
	store_feeds_free(feeds, n);
	return (0);
}

/* Fetch and store the feeds: 0, or -1 with *cause when none was. */
static int
update_feeds(struct update *u, const struct poll_options *po,
    const struct update_options *o, char **cause)
{
	struct poll	*p;
	int		 rc;

	if (poll_global_init(cause) != 0)
		return (-1);
	u->cookie_file = po->cookie_file;
	p = poll_create(po, update_fetched, u);
	rc = o->nfeeds != 0 ? update_named(u, p, o, cause) :
	    update_all(u, p, cause);
	if (rc == 0) {
		update_progress(u);
		u->queue = ingest_queue_start(u->store, update_stored, u);
		update_setup_flush(u);
		while (poll_step(p, 100) > 0 && (o->cancel == NULL ||
		    !atomic_load(o->cancel)))
			;
		ingest_queue_finish(u->queue);
	}
	poll_free(p);
	poll_global_cleanup();
	return (rc);
}

static void
update_pages_progress(const struct archive_counts *ac, void *arg)
{
	struct update	*u = arg;

	u->counts->pages = *ac;
	update_progress(u);
}

static void
update_page_failed(const struct archive_failure *f, void *arg)
{
	struct update	*u = arg;

	if (u->cbs->page_failed != NULL)
		u->cbs->page_failed(f, u->arg);
}

/*
 * Call cb with every feed and what its feed lines set, until cb returns
 * non-zero: 0, cb's value, or -1 when the feeds cannot be listed.
 */
static int
update_each_feed(struct store *st, const struct feedopt *fo,
    int (*cb)(const struct store_feed *, const struct feedopt_set *, void *),
    void *arg)
{
	struct store_feed	*feeds;
	struct feedopt_set	 set;
	size_t			 n, i;
	int			 rc = 0;

	if (feedopt_count(fo) == 0)
		return (0);
	if (store_feeds_list(st, &feeds, &n) != 0)
		return (-1);
	for (i = 0; i < n && rc == 0; i++) {
		feedopt_get(fo, &feeds[i], &set);
		rc = cb(&feeds[i], &set, arg);
		feedopt_set_clear(&set);
	}
	store_feeds_free(feeds, n);
	return (rc);
}

/* The new items of a feed with "archive yes", for update_pages. */
struct update_archive {
	struct archive	*ar;
	int64_t		 since;
};

static int
update_archive_feed(const struct store_feed *f, const struct feedopt_set *set,
    void *arg)
{
	struct update_archive	*ua = arg;

	return (set->archive ? archive_add_feed(ua->ar, f->id, ua->since) : 0);
}

/*
 * Archive the pages archive-feed lines ask for, of items first seen
 * since the session began.  0 (*bad set after a bad line), or -1.
 */
static int
update_pages(struct update *u, const struct poll_options *po,
    const struct update_options *o, int64_t since, int *bad, char **cause)
{
	static const struct archive_cbs cbs = {
		update_pages_progress, update_page_failed
	};
	struct update_archive	 ua;
	struct archive		*ar;
	int			 rc = -1;

	*bad = u->bad_lines;
	ar = archive_create(u->store, &cbs, u);
	ua.ar = ar;
	ua.since = since;
	if (update_each_feed(u->store, u->fo, update_archive_feed, &ua) != 0) {
		*cause = xasprintf("cannot find the items to archive: %s",
		    store_errmsg(u->store));
		goto out;
	}
	rc = 0;
	u->counts->pages = *archive_counts(ar);
	if (u->counts->pages.total == 0)
		goto out;
	u->counts->archiving = 1;
	if ((rc = poll_global_init(cause)) == 0) {
		rc = archive_run(ar, po, o->cancel);
		poll_global_cleanup();
	}
out:
	if (rc != 0)
		u->counts->store_failed = 1;
	archive_free(ar);
	return (rc);
}

/* The session's settings from cf: 0, or -1 with *cause. */
static int
update_settings(const struct conf *cf, const struct update_options *o,
    struct poll_options *po, struct rules **rules, struct retain **keep,
    struct feedopt **fo, char **cause)
{
	struct sync_config	 sc;
	int			 rc;

	poll_options_default(po);
	po->allow_exec = 1;	/* the subscriptions' commands, not items' */
	if (o->parallel > 0)
		po->parallel = o->parallel;
	if (update_poll_options(cf, po, cause) != 0)
		return (-1);
	if ((rc = sync_config_get(cf, &sc, cause)) < 0)
		return (-1);
	if (rc == 0)
		sync_config_free(&sc);
	if (retain_load(cf, keep, cause) != 0)
		return (-1);
	if (feedopt_load(cf, fo, cause) != 0)
		return (-1);
	return (rules_load(cf, rules, cause));
}

/* A feed's own keep line joins the others. */
static int
update_feed_keep(const struct store_feed *f, const struct feedopt_set *set,
    void *arg)
{
	char	*why = NULL;

	/* Checked when read: this cannot fail. */
	if (set->keep != NULL && retain_add_feed(arg, f->id, set->keep,
	    &why) != 0)
		free(why);
	return (0);
}

int
update_retain_load(struct store *st, const struct conf *cf,
    struct retain **keep, char **cause)
{
	struct feedopt	*fo;
	int		 rc;

	if (retain_load(cf, keep, cause) != 0)
		return (-1);
	if (feedopt_load(cf, &fo, cause) != 0) {
		retain_free(*keep);
		*keep = NULL;
		return (-1);
	}
	if ((rc = update_each_feed(st, fo, update_feed_keep, *keep)) != 0)
		*cause = xasprintf("cannot list feeds: %s", store_errmsg(st));
	feedopt_free(fo);
	return (rc);
}

/*
 * After the poll: each feed's tags lines tag its items first stored in
 * this session, and the lines that name no feed are said (titles are
 * known now).  A failure is said through warn.
 */
static void
update_feed_lines(struct update *u, int64_t since)
{
	struct store_feed	*feeds;
	struct store_filter	 f;
	struct feedopt_set	 set;
	size_t			 n, i;
	int64_t			 matched;
	char			*why;
	int			 rc = 0;

	if (feedopt_count(u->fo) == 0)
		return;
	if (store_feeds_list(u->store, &feeds, &n) != 0) {
		rc = -1;
		n = 0;
		feeds = NULL;
	}
	for (i = 0; i < n && rc == 0; i++) {
		feedopt_get(u->fo, &feeds[i], &set);
		memset(&f, 0, sizeof f);
		f.feed_id = feeds[i].id;
		f.seen_since = since;
		f.hidden = 1;
		if (set.ntags != 0)
			rc = store_tag_items(u->store, &f,
			    (char *const *)set.tags, set.ntags, NULL, 0,
			    &matched);
		feedopt_set_clear(&set);
	}
	if (rc == 0 && feedopt_unmatched(u->fo, feeds, n, u->cbs->warn,
	    u->arg) != 0)
		u->bad_lines = 1;
	store_feeds_free(feeds, n);
	if (rc != 0 && u->cbs->warn != NULL) {
		why = xasprintf("feed tags: cannot tag the new items: %s",
		    store_errmsg(u->store));
		u->cbs->warn(why, u->arg);
		free(why);
	}
}

/* The keep lines, after the poll: said through warn if they fail. */
static void
update_retain(struct update *u, struct retain *keep)
{
	char	*why;

	if (update_each_feed(u->store, u->fo, update_feed_keep, keep) != 0 &&
	    u->cbs->warn != NULL) {
		why = xasprintf("keep: cannot list feeds: %s",
		    store_errmsg(u->store));
		u->cbs->warn(why, u->arg);
		free(why);
	}
	if (retain_count(keep) == 0)
		return;
	if (retain_apply(u->store, keep, 0, &u->counts->pruned) != 0 &&
	    u->cbs->warn != NULL) {
		why = xasprintf("keep: cannot prune: %s",
		    store_errmsg(u->store));
		u->cbs->warn(why, u->arg);
		free(why);
	}
}

static enum update_status
update_status_of(const struct update_counts *c, int bad_config)
{
	if (c->store_failed)
		return (UPDATE_FAILED);
	if (c->failed != 0 || c->pages.failed != 0 || bad_config ||
	    c->synced < 0)
		return (UPDATE_PARTIAL);
	return (UPDATE_OK);
}

/* Collect list lines of the new items for the notify command. */
struct update_new {
	struct buf	 lines;
	size_t		 n;
};

static int
update_new_line(const struct store_item *it, void *arg)
{
	struct update_new	*nw = arg;

	article_line(it, &nw->lines);
	buf_addc(&nw->lines, '\n');
	nw->n++;
	return (0);
}

/*
 * After a session that stored something new: "set notify-command CMD"
 * runs with TELEX_NEW and TELEX_FEEDS_FAILED set and the new items on
 * its standard input, for at most UPDATE_NOTIFY_SECONDS; its failure
 * is said through warn and never fails the poll.
 */
static void
update_notify(struct update *u, const struct conf *cf, int64_t since)
{
	struct update_new	 nw;
	struct store_filter	 f;
	struct run_env		 env;
	const char		*cmd;
	char			*cause = NULL, *why, count[32];
	int			 rc;

	if ((cmd = conf_string(cf, "notify-command")) == NULL ||
	    u->counts->new_items == 0)
		return;
	memset(&nw, 0, sizeof nw);
	buf_init(&nw.lines, 0);
	memset(&f, 0, sizeof f);
	f.seen_since = since;
	memset(&env, 0, sizeof env);
	if (store_items_list(u->store, &f, update_new_line, &nw) != 0)
		cause = xasprintf("cannot list the new items: %s",
		    store_errmsg(u->store));
	else if (nw.n != 0) {
		snprintf(count, sizeof count, "%zu", nw.n);
		run_env_set(&env, "TELEX_NEW", count);
		snprintf(count, sizeof count, "%zu", u->counts->failed);
		run_env_set(&env, "TELEX_FEEDS_FAILED", count);
		rc = run_command(cmd, &env, nw.lines.data, RUN_QUIET,
		    UPDATE_NOTIFY_SECONDS, &cause);
		if (rc > 0)
			cause = xasprintf("\"%s\" ended with status %d", cmd,
			    rc);
	}
	if (cause != NULL && u->cbs->warn != NULL) {
		why = xasprintf("notify-command: %s", cause);
		u->cbs->warn(why, u->arg);
		free(why);
	}
	free(cause);
	run_env_free(&env);
	buf_free(&nw.lines);
}

enum update_status
update_run(struct store *st, const struct conf *cf, const char *db_path,
    const struct update_options *o, const struct update_cbs *cbs, void *arg,
    struct update_counts *counts, char **cause)
{
	static const struct update_cbs none;
	struct update		 u;
	struct poll_options	 po;
	struct rules		*rules = NULL;
	struct retain		*keep = NULL;
	struct feedopt		*fo = NULL;
	int64_t			 started = util_now();
	int			 lock = -1, bad = 0;
	enum update_status	 rc = UPDATE_NOT_RUN;

	memset(counts, 0, sizeof *counts);
	memset(&u, 0, sizeof u);
	u.store = st;
	u.cbs = cbs != NULL ? cbs : &none;
	u.arg = arg;
	u.counts = counts;
	if (update_settings(cf, o, &po, &rules, &keep, &fo, cause) != 0) {
		retain_free(keep);
		rules_free(rules);
		feedopt_free(fo);
		return (UPDATE_BAD_CONFIG);
	}
	u.fo = fo;
	if ((lock = lock_poll(db_path, o->wait, cause)) == -1)
		goto out;
	rules_attach(st, rules);
	if (o->nfeeds == 0 && cf != NULL)
		update_sync(&u, cf, &po);
	if (update_feeds(&u, &po, o, cause) != 0)
		goto out;
	if (u.xml_cause != NULL) {
		counts->store_failed = 1;
		*cause = u.xml_cause;
		u.xml_cause = NULL;
	}
	if (!counts->store_failed)
		update_feed_lines(&u, started);
	if (!counts->store_failed && (o->cancel == NULL ||
	    !atomic_load(o->cancel)))
		update_pages(&u, &po, o, started, &bad, cause);
	update_notify(&u, cf, started);
	if (!counts->store_failed)
		update_retain(&u, keep);
	rc = update_status_of(counts, bad || u.bad_lines);
out:
	free(u.synced);
	feedopt_free(fo);
	rules_attach(st, NULL);
	rules_free(rules);
	retain_free(keep);
	lock_release(lock);
	return (rc);
}

void
update_summary(const struct update_counts *c, struct buf *b)
{
	buf_printf(b, "polled %zu feed%s: %zu new, %zu unchanged, %zu failed",
	    c->total, c->total == 1 ? "" : "s", c->new_items, c->unchanged,
	    c->failed);
	if (c->updated != 0)
		buf_printf(b, ", %zu items updated", c->updated);
	if (c->synced > 0)
		buf_printf(b, "; synced: %zu new, %zu changes sent",
		    c->sync_new_items, c->sync_sent);
	else if (c->synced < 0)
		buf_adds(b, "; sync failed");
	if (c->skipped != 0)
		buf_printf(b, " (%zu in back-off skipped; telex poll FEED "
		    "forces one)", c->skipped);
	if (c->not_due != 0)
		buf_printf(b, " (%zu not due by their poll-interval)",
		    c->not_due);
	if (c->abandoned != 0)
		buf_printf(b, "; %zu not stored (the error below says why)",
		    c->abandoned);
	if (c->pruned.items != 0)
		buf_printf(b, "; %lld old item%s pruned by keep lines",
		    (long long)c->pruned.items, c->pruned.items == 1 ? "" : "s");
}
