/*
 * Ingest ties the poller to the archive: each finished transfer is
 * parsed (ingest_prepare), its items cleaned and then
 * stored with the feed's poll state in one transaction (ingest_store).
 */
#ifndef TELEX_INGEST_H
#define TELEX_INGEST_H

#include <stddef.h>
#include <stdint.h>

#include "../feeds/poll.h"
#include "store.h"

struct ingest_result {
	int64_t		 feed_id;
	char		*url;
	int		 failed;	/* 1: error holds why */
	int		 not_modified;
	int		 damaged;	/* parsed, but the feed was broken */
	size_t		 new_items;
	size_t		 updated_items;
	size_t		 items;
	char		*error;		/* a sentence, or NULL */
	char		*hint;		/* what to do, or NULL */
};

/* A transfer parsed and cleaned, ready to be stored. */
struct ingest_batch;

struct ingest_batch	*ingest_prepare(const struct poll_response *);
/*
 * Store a batch (and free it).  Fills *res (free with
 * ingest_result_clear).  Returns 0, or -1 when the archive itself failed
 * (the feed's transaction is rolled back).
 */
int	 ingest_store(struct store *, struct ingest_batch *,
	     struct ingest_result *);
/* Both steps at once. */
int	 ingest_response(struct store *, const struct poll_response *,
	     struct ingest_result *);
void	 ingest_result_clear(struct ingest_result *);

/*
 * Store items that came from elsewhere than a poll (an import) into the
 * feed, cleaned, packed and indexed as a poll's are, with the rules, in
 * one transaction; the feed's poll state is left alone.  cb (may be NULL)
 * hears each item's outcome by its index in items, inside the
 * transaction; non-zero from it rolls everything back.  Fills res's
 * counts.  0, or -1 (store_errmsg says why).
 */
typedef int (*ingest_item_cb)(struct store *, int64_t feed_id, size_t index,
    enum store_upsert, void *);
int	 ingest_items_store(struct store *, int64_t feed_id,
	     const struct feed_item *, size_t, ingest_item_cb, void *,
	     struct ingest_result *);

/*
 * A pipeline: the caller parses, one thread cleans, another stores, so
 * the work spreads over the cores.  done is called from the storing
 * thread after each batch, with status -1 when the archive failed.
 * No other thread may use the store until ingest_queue_finish returns.
 */
typedef void (*ingest_done_cb)(const struct ingest_result *, int status,
    void *arg);
struct ingest_queue;

struct ingest_queue	*ingest_queue_start(struct store *, ingest_done_cb,
			     void *);
/* Hand a batch to the writer; waits while the queue is full. */
void	 ingest_queue_push(struct ingest_queue *, struct ingest_batch *);
/* Wait for every batch to be stored, then stop the writer. */
void	 ingest_queue_finish(struct ingest_queue *);

/* Back-off for a feed that has failed `failures` times in a row. */
int64_t	 ingest_backoff(int failures, int64_t retry_after);

#endif
