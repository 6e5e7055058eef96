/*
 * From a finished transfer to the archive: parse the feed and clean each
 * item's HTML (any thread), then store items and the feed's poll state in
 * one transaction, saying in words what went wrong and what to do.
 */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clean.h"
#include "ingest.h"
#include "url.h"
#include "store-pack.h"
#include "util.h"

#define INGEST_BACKOFF_FIRST	(15 * 60)
#define INGEST_BACKOFF_MAX	(24 * 60 * 60)
#define INGEST_QUEUE_MAX	1	/* batches waiting per stage: more buys no speed, only memory */

struct ingest_batch {
	int64_t			 feed_id;
	char			*url;
	enum poll_result	 result;
	enum poll_error		 error_kind;
	char			*error;		/* transfer or parse failure */
	char			*hint;
	long			 http_status;
	int64_t			 retry_after;
	int			 auth;		/* basic auth was sent */
	char			*etag;
	char			*last_modified;
	char			*moved_to;
	int			 parsed;	/* 1: info and items hold a feed */
	struct feed_info	 info;
	struct feed_item	*items;
	char			**texts;	/* cleaned text of each item */
	struct store_packed	*packed;	/* HTML, text of each, packed */
	int64_t			*hashes;	/* fingerprint of each item */
	int			 cleaned;	/* texts are filled */
	size_t			 nitems;
	size_t			 capitems;
	struct ingest_batch	*next;		/* in the writer's queue */
};

/* Batches waiting for one stage of the pipeline. */
struct ingest_stage {
	struct ingest_batch	*head;
	struct ingest_batch	*tail;
	size_t			 length;
};

/*
 * Parsing happens in the caller's thread, cleaning in one thread and
 * storing in another, so that the work spreads over the cores.
 */
struct ingest_queue {
	struct store		*store;
	ingest_done_cb		 done;
	void			*arg;
	pthread_t		 cleaner;
	pthread_t		 writer;
	pthread_mutex_t		 lock;
	pthread_cond_t		 changed;
	struct ingest_stage	 to_clean;
	struct ingest_stage	 to_store;
	int			 closing;	/* no more pushes */
	int			 cleaned_all;	/* the cleaner has stopped */
};

/*
 * Seconds to wait before polling a feed again: what the server asked for,
 * else nothing after one failure, then 15 minutes doubling up to a day.
 */
int64_t
ingest_backoff(int failures, int64_t retry_after)
{
	int64_t	 wait;

	if (retry_after > 0)
		return (retry_after < INGEST_BACKOFF_MAX ?
		    retry_after : INGEST_BACKOFF_MAX);
	if (failures < 2)
		return (0);
	if (failures > 12)
		return (INGEST_BACKOFF_MAX);
	wait = (int64_t)INGEST_BACKOFF_FIRST << (failures - 2);
	return (wait < INGEST_BACKOFF_MAX ? wait : INGEST_BACKOFF_MAX);
}

static const char *
ingest_http_hint(long status)
{
	if (status == 404 || status == 410)
		return ("check the URL or remove it with telex rm");
	if (status == 401 || status == 403)
		return ("the server refuses access; check the URL or remove "
		    "it with telex rm");
	if (status == 429 || status == 503)
		return ("the server asked telex to wait; it will be polled "
		    "again after the back-off");
	if (status >= 500)
		return ("the server is failing; telex will try again later");
	return ("check the URL with telex feeds");
}

/* 401: what to set, or what to check when it was set. */
static char *
ingest_auth_hint(const struct ingest_batch *b)
{
	if (b->auth)
		return (xasprintf("the server refused the user name and "
		    "password; check the auth and password-command lines of "
		    "feed %lld", (long long)b->feed_id));
	return (xasprintf("the server wants a user name and password; set "
	    "feed %lld auth basic USER and feed %lld password-command "
	    "COMMAND in the config", (long long)b->feed_id,
	    (long long)b->feed_id));
}

static char *
ingest_hint(const struct ingest_batch *b)
{
	const char	*fmt;

	switch (b->error_kind) {
	case POLL_ERROR_HTTP:
		if (b->http_status == 401)
			return (ingest_auth_hint(b));
		fmt = ingest_http_hint(b->http_status);
		break;
	case POLL_ERROR_SETUP:
		fmt = "fix the feed's lines in the config file";
		break;
	case POLL_ERROR_NETWORK:
		fmt = "check the network connection and the URL";
		break;
	case POLL_ERROR_TIMEOUT:
		fmt = "the server is slow or unreachable; telex will try "
		    "again later";
		break;
	case POLL_ERROR_TLS:
		fmt = "the connection cannot be trusted; check the URL";
		break;
	case POLL_ERROR_TOO_BIG:
		fmt = "this is not an ordinary feed; check the URL";
		break;
	case POLL_ERROR_FILE:
		fmt = "check the file's path and permissions";
		break;
	case POLL_ERROR_COMMAND:
		fmt = "fix the command or remove it with telex rm";
		break;
	default:
		fmt = "check the URL with telex feeds";
		break;
	}
	if (strcmp(fmt + strlen(fmt) - 8, "telex rm") == 0)
		return (xasprintf("%s %lld", fmt, (long long)b->feed_id));
	return (xstrdup(fmt));
}

static char *
ingest_strdup(const char *s)
{
	return (s != NULL ? xstrdup(s) : NULL);
}

static void
ingest_batch_free(struct ingest_batch *b)
{
	size_t	 i;

	for (i = 0; i < b->nitems; i++) {
		feed_item_clear(&b->items[i]);
		free(b->texts[i]);
	}
	if (b->packed != NULL) {
		for (i = 0; i < 2 * b->nitems; i++)
			store_packed_free(&b->packed[i]);
	}
	free(b->items);
	free(b->texts);
	free(b->packed);
	free(b->hashes);
	feed_info_free(&b->info);
	free(b->url);
	free(b->error);
	free(b->hint);
	free(b->etag);
	free(b->last_modified);
	free(b->moved_to);
	free(b);
}

/* Keep a copy of one parsed item with its cleaned text. */
static int
ingest_collect(const struct feed_item *item, void *arg)
{
	struct ingest_batch	*b = arg;

	if (b->nitems == b->capitems) {
		b->capitems = b->capitems == 0 ? 64 : b->capitems * 2;
		b->items = xreallocarray(b->items, b->capitems,
		    sizeof *b->items);
		b->texts = xreallocarray(b->texts, b->capitems,
		    sizeof *b->texts);
	}
	feed_item_copy(&b->items[b->nitems], item);
	b->texts[b->nitems] = NULL;
	b->nitems++;
	return (0);
}

/*
 * Turn each item's HTML into reading text, and pack both for the archive
 * (the text against the HTML), here rather than on the writing thread.
 */
static void
ingest_clean(struct ingest_batch *b)
{
	struct feed_item	*it;
	size_t			 i, hlen;

	if (b->cleaned)
		return;
	b->packed = xcalloc(2 * b->nitems + 1, sizeof *b->packed);
	b->hashes = xcalloc(b->nitems + 1, sizeof *b->hashes);
	for (i = 0; i < b->nitems; i++) {
		it = &b->items[i];
		b->hashes[i] = store_item_fingerprint(it);
		if (it->html == NULL)
			continue;
		hlen = strlen(it->html);
		b->texts[i] = clean_fragment(it->html, hlen, it->base);
		/* Held until stored: no room to grow is needed any more. */
		if (b->texts[i] != NULL)
			b->texts[i] = xreallocarray(b->texts[i], 1,
			    strlen(b->texts[i]) + 1);
		store_pack(it->html, hlen, NULL, 0, &b->packed[2 * i]);
		if (b->texts[i] != NULL)
			store_pack(b->texts[i], strlen(b->texts[i]), it->html,
			    hlen, &b->packed[2 * i + 1]);
		/* Packed, the HTML itself is needed no more: memory back. */
		if (b->packed[2 * i].data != NULL) {
			free(it->html);
			it->html = NULL;
		}
	}
	b->cleaned = 1;
}

struct ingest_batch *
ingest_prepare(const struct poll_response *r)
{
	struct ingest_batch	*b;
	char			*cause = NULL;

	b = xcalloc(1, sizeof *b);
	b->feed_id = r->req->feed_id;
	b->url = xstrdup(r->req->url);
	b->result = r->result;
	b->error_kind = r->error_kind;
	b->http_status = r->http_status;
	b->retry_after = r->retry_after;
	b->auth = r->req->username != NULL;
	b->etag = ingest_strdup(r->etag);
	b->last_modified = ingest_strdup(r->last_modified);
	b->moved_to = ingest_strdup(r->moved_to);
	if (r->result == POLL_FAILED)
		b->error = xstrdup(r->error != NULL ? r->error :
		    "the transfer failed");
	if (r->result != POLL_OK)
		return (b);
	if (feed_parse_typed(r->body, r->len, r->final_url, r->content_type,
	    r->charset, &b->info, ingest_collect, b, &cause) == 0) {
		b->parsed = 1;
		return (b);
	}
	b->result = POLL_FAILED;
	b->error = cause;
	if (url_kind(b->url) == URL_KIND_EXEC ||
	    url_kind(b->url) == URL_KIND_FILTER)
		b->hint = xasprintf("check that the command writes a feed "
		    "(RSS or Atom), or remove it with telex rm %lld",
		    (long long)b->feed_id);
	else
		b->hint = xstrdup("check that the URL points to a feed; given "
		    "a web page, telex add finds its feed");
	return (b);
}

/* Record a failed poll of the feed, with its back-off. */
static int
ingest_failure(struct store *st, struct ingest_batch *b,
    struct ingest_result *res)
{
	struct store_feed	 feed;
	struct store_poll_update u;
	int			 failures = 1;

	res->failed = 1;
	res->error = b->error;
	res->hint = b->hint != NULL ? b->hint : ingest_hint(b);
	b->error = b->hint = NULL;
	memset(&feed, 0, sizeof feed);
	if (store_feed_get(st, res->feed_id, &feed) == 0)
		failures = feed.failures + 1;
	store_feed_free(&feed);
	memset(&u, 0, sizeof u);
	u.when = util_now();
	u.http_status = (int)b->http_status;
	u.error = res->error;
	u.backoff_until = ingest_backoff(failures, b->retry_after);
	if (u.backoff_until != 0)
		u.backoff_until += u.when;
	return (store_feed_update_poll(st, res->feed_id, &u));
}

static int
ingest_not_modified(struct store *st, struct ingest_batch *b,
    struct ingest_result *res)
{
	struct store_poll_update u;

	res->not_modified = 1;
	memset(&u, 0, sizeof u);
	u.when = util_now();
	u.http_status = (int)b->http_status;
	u.new_url = b->moved_to;
	return (store_feed_update_poll(st, res->feed_id, &u));
}

static int
ingest_items(struct store *st, struct ingest_batch *b,
    struct ingest_result *res, ingest_item_cb cb, void *arg)
{
	enum store_upsert	 outcome;
	struct store_body	 body;
	size_t			 i;

	for (i = 0; i < b->nitems; i++) {
		body.html = &b->packed[2 * i];
		body.text = &b->packed[2 * i + 1];
		body.hash = b->hashes[i];
		if (store_item_upsert_body(st, b->feed_id, &b->items[i],
		    b->texts[i], &body, &outcome) != 0)
			return (-1);
		if (cb != NULL && cb(st, b->feed_id, i, outcome, arg) != 0)
			return (-1);
		res->items++;
		if (outcome == STORE_NEW)
			res->new_items++;
		else if (outcome == STORE_UPDATED)
			res->updated_items++;
	}
	return (0);
}

/* A damaged feed keeps no validators, so the next poll reads it whole. */
static void
ingest_damage(struct ingest_batch *b, struct ingest_result *res,
    struct store_poll_update *u)
{
	res->damaged = 1;
	res->failed = 1;
	res->error = xasprintf("the feed is damaged: %s; kept the %zu items "
	    "before the damage", b->info.damage != NULL ? b->info.damage :
	    "it could not be read to the end", b->nitems);
	res->hint = xstrdup("telex will read it again at the next poll; "
	    "tell the site if it stays broken");
	u->error = res->error;
}

/* Store a parsed document; everything in one transaction. */
static int
ingest_document(struct store *st, struct ingest_batch *b,
    struct ingest_result *res)
{
	struct store_poll_update u;
	int64_t			 last_id;

	ingest_clean(b);
	if (store_begin(st) != 0)
		return (-1);
	if (store_rules_mark(st, &last_id) != 0 ||
	    ingest_items(st, b, res, NULL, NULL) != 0 ||
	    store_rules_apply(st, b->feed_id, last_id) != 0)
		goto fail;
	memset(&u, 0, sizeof u);
	u.when = util_now();
	u.http_status = (int)b->http_status;
	u.title = b->info.title;
	u.site_url = b->info.site_url;
	u.new_url = b->moved_to;
	u.clear_validators = 1;
	if (b->info.damaged)
		ingest_damage(b, res, &u);
	else {
		u.etag = b->etag;
		u.last_modified = b->last_modified;
	}
	if (store_feed_update_poll(st, res->feed_id, &u) != 0 ||
	    store_commit(st) != 0)
		goto fail;
	return (0);
fail:
	store_rollback(st);
	return (-1);
}

int
ingest_store(struct store *st, struct ingest_batch *b,
    struct ingest_result *res)
{
	int	 rc;

	memset(res, 0, sizeof *res);
	res->feed_id = b->feed_id;
	res->url = xstrdup(b->url);
	if (b->result == POLL_NOT_MODIFIED)
		rc = ingest_not_modified(st, b, res);
	else if (b->result == POLL_FAILED)
		rc = ingest_failure(st, b, res);
	else
		rc = ingest_document(st, b, res);
	ingest_batch_free(b);
	return (rc);
}

int
ingest_items_store(struct store *st, int64_t feed_id,
    const struct feed_item *items, size_t n, ingest_item_cb cb, void *arg,
    struct ingest_result *res)
{
	struct ingest_batch	*b;
	int64_t			 last_id;
	size_t			 i;
	int			 rc = -1;

	memset(res, 0, sizeof *res);
	res->feed_id = feed_id;
	b = xcalloc(1, sizeof *b);
	b->feed_id = feed_id;
	for (i = 0; i < n; i++)
		ingest_collect(&items[i], b);
	ingest_clean(b);
	if (store_begin(st) != 0)
		goto out;
	if (store_rules_mark(st, &last_id) != 0 ||
	    ingest_items(st, b, res, cb, arg) != 0 ||
	    store_rules_apply(st, feed_id, last_id) != 0 ||
	    store_commit(st) != 0)
		store_rollback(st);
	else
		rc = 0;
out:
	ingest_batch_free(b);
	return (rc);
}

int
ingest_response(struct store *st, const struct poll_response *r,
    struct ingest_result *res)
{
	return (ingest_store(st, ingest_prepare(r), res));
}

void
ingest_result_clear(struct ingest_result *res)
{
	free(res->url);
	free(res->error);
	free(res->hint);
	res->url = res->error = res->hint = NULL;
}

static void
ingest_stage_put(struct ingest_stage *q, struct ingest_batch *b)
{
	b->next = NULL;
	if (q->tail != NULL)
		q->tail->next = b;
	else
		q->head = b;
	q->tail = b;
	q->length++;
}

static struct ingest_batch *
ingest_stage_take(struct ingest_stage *q)
{
	struct ingest_batch	*b;

	if ((b = q->head) != NULL) {
		if ((q->head = b->next) == NULL)
			q->tail = NULL;
		q->length--;
	}
	return (b);
}

/* Wait for room in a stage, then add b to it (lock held). */
static void
ingest_stage_push(struct ingest_queue *q, struct ingest_stage *stage,
    struct ingest_batch *b)
{
	while (stage->length >= INGEST_QUEUE_MAX)
		pthread_cond_wait(&q->changed, &q->lock);
	ingest_stage_put(stage, b);
	pthread_cond_broadcast(&q->changed);
}

static void *
ingest_cleaner(void *arg)
{
	struct ingest_queue	*q = arg;
	struct ingest_batch	*b;

	pthread_mutex_lock(&q->lock);
	for (;;) {
		while (q->to_clean.head == NULL && !q->closing)
			pthread_cond_wait(&q->changed, &q->lock);
		if ((b = ingest_stage_take(&q->to_clean)) == NULL)
			break;
		pthread_cond_broadcast(&q->changed);
		pthread_mutex_unlock(&q->lock);
		ingest_clean(b);
		pthread_mutex_lock(&q->lock);
		ingest_stage_push(q, &q->to_store, b);
	}
	q->cleaned_all = 1;
	pthread_cond_broadcast(&q->changed);
	pthread_mutex_unlock(&q->lock);
	return (NULL);
}

static void *
ingest_writer(void *arg)
{
	struct ingest_queue	*q = arg;
	struct ingest_batch	*b;
	struct ingest_result	 res;
	int			 rc;

	pthread_mutex_lock(&q->lock);
	for (;;) {
		while (q->to_store.head == NULL && !q->cleaned_all)
			pthread_cond_wait(&q->changed, &q->lock);
		if ((b = ingest_stage_take(&q->to_store)) == NULL)
			break;
		pthread_cond_broadcast(&q->changed);
		pthread_mutex_unlock(&q->lock);
		rc = ingest_store(q->store, b, &res);
		q->done(&res, rc, q->arg);
		ingest_result_clear(&res);
		pthread_mutex_lock(&q->lock);
	}
	pthread_mutex_unlock(&q->lock);
	return (NULL);
}

static void
ingest_thread(pthread_t *t, void *(*fn)(void *), void *arg)
{
	if (pthread_create(t, NULL, fn, arg) != 0) {
		fputs("telex: cannot start a thread\n", stderr);
		abort();
	}
}

struct ingest_queue *
ingest_queue_start(struct store *st, ingest_done_cb done, void *arg)
{
	struct ingest_queue	*q;

	q = xcalloc(1, sizeof *q);
	q->store = st;
	q->done = done;
	q->arg = arg;
	pthread_mutex_init(&q->lock, NULL);
	pthread_cond_init(&q->changed, NULL);
	ingest_thread(&q->cleaner, ingest_cleaner, q);
	ingest_thread(&q->writer, ingest_writer, q);
	return (q);
}

void
ingest_queue_push(struct ingest_queue *q, struct ingest_batch *b)
{
	pthread_mutex_lock(&q->lock);
	ingest_stage_push(q, &q->to_clean, b);
	pthread_mutex_unlock(&q->lock);
}

void
ingest_queue_finish(struct ingest_queue *q)
{
	pthread_mutex_lock(&q->lock);
	q->closing = 1;
	pthread_cond_broadcast(&q->changed);
	pthread_mutex_unlock(&q->lock);
	pthread_join(q->cleaner, NULL);
	pthread_join(q->writer, NULL);
	pthread_mutex_destroy(&q->lock);
	pthread_cond_destroy(&q->changed);
	free(q);
}
