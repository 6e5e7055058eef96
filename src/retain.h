/*
 * Retention: items deleted by a query (telex prune) or by the config's
 * "keep QUERY AGE|COUNT" lines after each poll, never to come back, and
 * the archive file shrunk after them.
 */
#ifndef TELEX_RETAIN_H
#define TELEX_RETAIN_H

#include <stdint.h>

#include "conf.h"
#include "store.h"

struct retain_counts {
	int64_t		 items;		/* pruned (or that would be) */
	int64_t		 text_bytes;	/* the size of their texts */
	int64_t		 freed;		/* bytes the file shrank by */
};

/* Hears the shrinking: pages still to give back, of total. */
typedef void (*retain_progress_cb)(int64_t left, int64_t total, void *);

/*
 * Prune what f matches (see store_prune for what is spared) and shrink
 * the file, rewriting an old archive whole if it must (rewrite set).
 * With dry_run nothing changes.  0, or -1 (store_errmsg says why).
 */
int	 retain_prune(struct store *, const struct store_filter *, int dry_run,
	     int rewrite, retain_progress_cb, void *,
	     struct retain_counts *);

struct retain;

/*
 * Read the keep lines of cf (may be NULL): "keep QUERY AGE" (30d, 12w,
 * 1y) prunes what QUERY matches older than AGE, "keep QUERY COUNT" all
 * but its newest COUNT; QUERY "all" is every item.  0, or -1 with
 * *cause naming the file and line.
 */
int	 retain_load(const struct conf *, struct retain **, char **cause);
/*
 * limit as a keep line takes it: an age (30d, 12w, 1y, 48h) into *age
 * or a number of items into *count (either may be NULL), the other 0.
 * 0, or -1 with *why set (caller frees).
 */
int	 retain_limit(const char *limit, int64_t *age, int64_t *count,
	     char **why);
/* A keep of one feed's items ("feed FEED keep LIMIT"): 0, or -1. */
int	 retain_add_feed(struct retain *, int64_t feed_id, const char *limit,
	     char **why);
void	 retain_free(struct retain *);
int	 retain_count(const struct retain *);
/* Apply every keep line (or say what they would prune, dry_run). */
int	 retain_apply(struct store *, const struct retain *, int dry_run,
	     struct retain_counts *);

#endif
