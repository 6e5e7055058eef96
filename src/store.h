/*
 * The archive: one SQLite file (WAL) holding feeds, items, their bodies,
 * tags and an FTS5 index kept in step.  All SQL in telex lives behind
 * this interface; errors are read back with store_errmsg.
 */
#ifndef TELEX_STORE_H
#define TELEX_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "../feeds/parse.h"

struct store;

struct store_feed {
	int64_t	  id;
	char	 *url;
	char	 *title;		/* NULL until a poll names it */
	char	 *site_url;
	char	 *etag;
	char	 *last_modified;
	int64_t	  added;
	int64_t	  last_poll;		/* 0: never polled */
	int	  http_status;		/* of the last poll; 0 if none */
	char	 *last_error;		/* NULL when the last poll worked */
	int64_t	  backoff_until;	/* 0: no back-off */
	int	  failures;		/* consecutive failed polls */
	int	  synced;		/* 1: the sync server fetches it */
	int64_t	  items;
	int64_t	  unread;
	char	**tags;
	size_t	  ntags;
};

struct store_item {
	int64_t	  id;
	int64_t	  feed_id;
	char	 *feed;			/* feed title, else its URL */
	char	 *guid;
	char	 *url;
	char	 *title;
	char	 *author;
	int64_t	  published;		/* DATE_NONE if unknown */
	int64_t	  updated;		/* DATE_NONE if unknown */
	int64_t	  first_seen;
	int64_t	  date;			/* published, else updated, else first_seen */
	int	  read;
	int	  starred;
	int	  archived;		/* 1: an archived page's text stands in */
	int	  summary_only;		/* 1: a link, with little feed text */
	int	  published_inferred;	/* 1: published is the updated date */
	char	**categories;
	size_t	  ncategories;
	char	**tags;
	size_t	  ntags;
	/* Filled by store_item_get only. */
	char	 *html;
	char	 *base;
	char	 *text;
	struct feed_enclosure *enclosures;
	size_t	  nenclosures;
};

/* Which items a list shows; zero/NULL fields do not restrict. */
struct store_filter {
	const char	*match;		/* FTS5 expression, bound as a parameter */
	int64_t		 id;		/* one item */
	int64_t		 feed_id;
	const char	*feed;		/* substring of feed title or URL */
	const char	*tag;		/* item tag, or a tag of its feed */
	int		 unread;	/* 1: unread only, -1: read only */
	int		 starred;	/* 1: starred only */
	int		 hidden;	/* 1: hidden items too (else only when
					   the query says is:hidden) */
	int64_t		 seen_since;	/* first stored at or after; 0: any */
	size_t		 limit;		/* 0: all */
	/*
	 * Ranked search ranks the newest this many matches (0: telex's
	 * default, SIZE_MAX: every match); older ones rank only among them.
	 */
	size_t		 window;
	/* A parsed query (src/query.h), ANDed with the fields above. */
	const struct query *query;
	/*
	 * Keyset paging in (date, id) order, for windows onto long lists:
	 * with before_id, items strictly older than (before_date,
	 * before_id); with after_id, strictly newer.  oldest_first turns
	 * the order round (to page upwards, or to start at the end).
	 */
	int64_t		 before_date;
	int64_t		 before_id;
	int64_t		 after_date;
	int64_t		 after_id;
	int		 oldest_first;
};

enum store_upsert {
	STORE_UNCHANGED,
	STORE_NEW,
	STORE_UPDATED
};

/* What one poll of a feed found; NULL strings leave a field as it was. */
struct store_poll_update {
	int64_t		 when;
	int		 http_status;
	const char	*etag;		/* with clear_validators: stored as given */
	const char	*last_modified;
	int		 clear_validators;
	const char	*error;		/* NULL: success (clears error, failures) */
	int64_t		 backoff_until;
	const char	*new_url;	/* permanent redirect */
	const char	*title;
	const char	*site_url;
};

struct store_stats {
	int64_t	 feeds;
	int64_t	 items;
	int64_t	 unread;
	int64_t	 starred;
	int64_t	 tags;
	int64_t	 failing;	/* feeds whose last poll failed */
	int64_t	 bytes;		/* size of the archive file */
	int64_t	 last_poll;	/* 0: never */
	int	 schema;
};

typedef int (*store_item_cb)(const struct store_item *, void *);

/*
 * Open (creating and migrating as needed) the archive at path.  Returns
 * 0, or -1 with *cause set (caller frees) saying what failed and why.
 */
int		 store_open(const char *path, struct store **, char **cause);
/*
 * The same, saying how far long work on opening has got (bodies stored
 * by an older telex being packed): progress(done, total, arg) now and
 * then, and once with done == total at the end.
 */
typedef void (*store_progress_cb)(int64_t done, int64_t total, void *);
int		 store_open_progress(const char *path, struct store **,
		     char **cause, store_progress_cb, void *);
void		 store_close(struct store *);
const char	*store_errmsg(struct store *);
int		 store_schema_version(void);

int		 store_begin(struct store *);
int		 store_commit(struct store *);
void		 store_rollback(struct store *);

/* Feeds. add returns 1 (and the id) when the URL is already there. */
int		 store_feed_add(struct store *, const char *url,
		     const char *title, int64_t *id);
int		 store_feed_tag(struct store *, int64_t id, const char *tag);
int		 store_feed_find(struct store *, const char *id_or_url,
		     int64_t *id);
int		 store_feed_remove(struct store *, int64_t id, int purge);
/* 0, 1 when there is no such feed, -1 on error. */
int		 store_feed_get(struct store *, int64_t id, struct store_feed *);
int		 store_feeds_list(struct store *, struct store_feed **,
		     size_t *);
void		 store_feed_free(struct store_feed *);
void		 store_feeds_free(struct store_feed *, size_t);
int		 store_feed_update_poll(struct store *, int64_t id,
		     const struct store_poll_update *);

/* Items.  text is the cleaned text of item->html (may be NULL). */
int		 store_item_upsert(struct store *, int64_t feed_id,
		     const struct feed_item *, const char *text,
		     enum store_upsert *);
/*
 * The same with the body made ready on another thread: the HTML packed
 * alone, the text packed against the HTML (store_pack), and the item's
 * fingerprint taken while it still had its HTML (the item's html may be
 * NULL then, once packed).
 */
struct store_packed;
struct store_body {
	const struct store_packed *html;
	const struct store_packed *text;
	int64_t			   hash;	/* store_item_fingerprint */
};
int64_t		 store_item_fingerprint(const struct feed_item *);
int		 store_item_upsert_body(struct store *, int64_t feed_id,
		     const struct feed_item *, const char *text,
		     const struct store_body *, enum store_upsert *);
/* 0, 1 when there is no such item, -1 on error. */
int		 store_item_get(struct store *, int64_t id, struct store_item *);
void		 store_item_free(struct store_item *);
/* Add an item's enclosures to it (lists leave them out): 0, or -1. */
int		 store_item_enclosures(struct store *, struct store_item *);

int		 store_stats(struct store *, struct store_stats *);

/*
 * Web pages archived for items (src/store-pages.c).  A page's text, when
 * there is one, is what show prints and search indexes for its item.
 */
struct store_page {
	int64_t	  item_id;
	char	 *url;			/* as requested */
	char	 *final_url;		/* after redirects, or NULL */
	char	 *html;			/* NULL until a fetch worked */
	char	 *charset;		/* from Content-Type, or NULL */
	char	 *etag;
	char	 *last_modified;
	int64_t	  archived;		/* last fetch that worked; 0: none */
	int64_t	  checked;		/* last attempt */
	int	  http_status;		/* of the last attempt */
	char	 *error;		/* of the last attempt, or NULL */
	char	 *title;		/* what the cleaner found, or NULL */
	char	 *byline;
	char	 *published;
	char	 *site_name;
	char	 *lang;
	char	 *image;
	char	 *text;			/* NULL: the feed's text is used */
	char	 *modified;		/* as the page wrote it */
	char	 *image_alt;
};

/* 0, 1 when the item has no page, -1 on error. */
int		 store_page_get(struct store *, int64_t item_id,
		     struct store_page *);
void		 store_page_free(struct store_page *);
/* Store a fetched page whole (keeping the index in step). */
int		 store_page_put(struct store *, const struct store_page *);
/* A fetch that brought no page (304 or error): the page stays. */
int		 store_page_checked(struct store *, int64_t item_id,
		     const char *url, int64_t when, int http_status,
		     const char *error);
/* New cleaned text and metadata for a stored page (html stays). */
int		 store_page_retext(struct store *, const struct store_page *);
/* New cleaned text for an item's feed HTML. */
int		 store_item_retext(struct store *, int64_t item_id,
		     const char *text);
/* The archived and summary_only of an item (as lists fill them). */
int		 store_item_flags(struct store *, int64_t item_id,
		     int *archived, int *summary_only);
/* Items of a feed first seen at or after since with no page yet. */
int		 store_pages_pending(struct store *, int64_t feed_id,
		     int64_t since, int64_t **ids, size_t *n);

/*
 * Lists, queries, tags, saved searches and rules (src/store-query.c).
 * Every filter leaves hidden items out unless its query says is:hidden.
 */
struct query;

/* A matched word in a snippet: bytes [start, end) of the text. */
struct store_span {
	size_t	 start;
	size_t	 end;
};

/* One search result: snippet is display-safe text, spans its matches. */
struct store_hit {
	const struct store_item	*item;
	const char		*snippet;
	const struct store_span	*spans;
	size_t			 nspans;
	double			 score;		/* lower is better */
};
typedef int (*store_hit_cb)(const struct store_hit *, void *);

struct store_tag_count {
	char	*name;
	int64_t	 items;		/* tagged items and items of tagged feeds */
	int64_t	 feeds;
};

struct store_saved {
	char	*name;
	char	*query;
};

/* What a rule in the config file does to the new items it matches. */
struct store_rule {
	const struct query	 *query;
	char			**add;		/* tags */
	size_t			  nadd;
	char			**remove;
	size_t			  nremove;
	int			  read;		/* 1: mark read */
	int			  hide;		/* 1: hide (killfile) */
	int			  star;		/* 1: star */
};

enum store_mark {
	STORE_MARK_READ,
	STORE_MARK_UNREAD,
	STORE_MARK_STAR,
	STORE_MARK_UNSTAR,
	STORE_MARK_HIDE,
	STORE_MARK_UNHIDE
};

/*
 * Call cb for each item f lets through, newest first (oldest first with
 * f->oldest_first), until cb returns non-zero.  A list may be started
 * from inside cb.
 */
int		 store_items_list(struct store *, const struct store_filter *,
		     store_item_cb, void *);
/* Ranked by relevance (title above text, recent a little first). */
int		 store_search(struct store *, const struct store_filter *,
		     store_hit_cb, void *);
int		 store_items_count(struct store *, const struct store_filter *,
		     int64_t *);
/* Add and remove tags on every item matching f, in one transaction. */
int		 store_tag_items(struct store *, const struct store_filter *,
		     char *const *add, size_t nadd, char *const *remove,
		     size_t nremove, int64_t *matched);
int		 store_mark_items(struct store *, const struct store_filter *,
		     enum store_mark, int64_t *changed);
int		 store_tags_counts(struct store *, struct store_tag_count **,
		     size_t *);
void		 store_tag_counts_free(struct store_tag_count *, size_t);
/* Add or replace (returns 1) a saved search. */
int		 store_saved_put(struct store *, const char *name,
		     const char *query);
/* 0, 1 when there is no such saved search, -1 on error. */
int		 store_saved_remove(struct store *, const char *name);
int		 store_saved_list(struct store *, struct store_saved **,
		     size_t *);
void		 store_saved_free(struct store_saved *, size_t);
/*
 * Rules for new items: set them once (the caller keeps them alive), then
 * around storing a feed's items in one transaction, note the newest id
 * before and apply the rules to that feed's items after it.
 */
void		 store_rules_set(struct store *, const struct store_rule *,
		     size_t);
int		 store_rules_mark(struct store *, int64_t *last_id);
int		 store_rules_apply(struct store *, int64_t feed_id,
		     int64_t last_id);

/* An enclosure downloaded, or being downloaded (src/store-downloads.c). */
struct store_download {
	int64_t	 item_id;
	char	*url;
	char	*path;		/* the file, once done; else path.part */
	int64_t	 size;
	int	 done;
};

/* 0, 1 when there is no such download, -1 on error. */
int		 store_download_get(struct store *, int64_t item_id,
		     const char *url, struct store_download *);
int		 store_download_put(struct store *, const struct store_download *);
void		 store_download_free(struct store_download *);

/*
 * Delete the items f matches, hidden ones too, but starred items only
 * when its query says is:starred and items with tags of their own only
 * when it names a tag: bodies, pages, tags and index entries go with
 * them, in one transaction, and each (feed, guid) is remembered so that
 * no poll brings it back.  With dry_run nothing changes.  *count is the
 * items, *bytes the size of their texts.  0, or -1 (store_errmsg).
 */
int		 store_prune(struct store *, const struct store_filter *,
		     int dry_run, int64_t *count, int64_t *bytes);
/*
 * Give the archive's free pages back to the file system, at most pages
 * at a time: the pages still free after the step, or -1.  An archive
 * made before telex pruned must first be rewritten whole, which only
 * happens with rewrite set (else 0 is returned at once).
 */
int64_t		 store_shrink_step(struct store *, int pages, int rewrite);
/* The archive file's size in bytes (WAL included), or -1. */
int64_t		 store_file_size(struct store *);

/*
 * Check every page of the archive and its search index: 0 when whole, 1
 * with *report (caller frees) saying what is wrong, -1 on error.
 */
int		 store_check(struct store *, char **report);
/* Rebuild every index and the search index; lost texts become empty. */
int		 store_repair_index(struct store *);

/*
 * Sync with a server (src/store-sync.c).  Synced feeds and items keep
 * the server's ids; local changes of synced items are queued (by the
 * archive itself, in the transaction of the change) until sent.
 */
struct store_sync_state {
	char	*server;		/* NULL before the first sync */
	char	*user;
	int	 api_level;
	char	*session;		/* the server's session, or NULL */
	int64_t	 last_id;		/* newest article id stored */
	int64_t	 last_sync;		/* 0: never */
	char	*labels;		/* the server's, one a line */
};

/* One queued change: field "read", "starred" or "tag:NAME". */
struct store_sync_change {
	int64_t	 item_id;
	int64_t	 sync_id;		/* the server's article id */
	char	*field;
	int	 value;			/* 1 set, 0 cleared */
	int64_t	 time;
};

/* An article from the server, as store_sync_item_put takes it. */
struct store_sync_item {
	int64_t			 sync_id;
	int64_t			 feed_id;	/* local feed */
	const struct feed_item	*item;	/* guid: the server's guid */
	const char		*guid_hash;	/* "SHA1:..." of the feed's
						   guid, or NULL */
	const char		*text;		/* cleaned, or NULL */
	int			 read;
	int			 starred;
	int			 match_local;	/* look for a local copy */
};

int	 store_sync_state_get(struct store *, struct store_sync_state *);
void	 store_sync_state_free(struct store_sync_state *);
/* Set server, user, api_level and session (NULL strings: keep). */
int	 store_sync_state_login(struct store *, const char *server,
	     const char *user, int api_level, const char *session);
int	 store_sync_state_done(struct store *, int64_t last_id, int64_t when,
	     const char *labels);
/*
 * Another server (or user): what the archive knew of the last one goes
 * (server ids, queue, last id); feeds and items stay, as local ones.
 */
int	 store_sync_forget(struct store *);
/*
 * The feed of server feed sync_id: found by its server id, else by URL
 * (a local feed becomes synced), else added; title and category (a
 * feed tag, may be NULL) set.  *id is the local feed.
 */
int	 store_sync_feed_put(struct store *, int64_t sync_id, const char *url,
	     const char *title, const char *category, int64_t *id);
/* Synced feeds whose server id is not in keep stop being synced. */
int	 store_sync_feeds_keep(struct store *, const int64_t *keep, size_t n);
/* Does the feed hold items that are not the server's? 1, 0 or -1. */
int	 store_sync_feed_has_local(struct store *, int64_t id);
/* The local ids of synced feeds (the poll leaves them to the server). */
int	 store_sync_feed_ids(struct store *, int64_t **ids, size_t *n);
/* The server id of a local feed: 0 with *sync_id, 1 when not synced. */
int	 store_sync_feed_server_id(struct store *, int64_t id,
	     int64_t *sync_id);
/*
 * Store an article once: known by its server id, it is left as it is;
 * else a local item of the feed with the same link (or guid hash)
 * takes the server id; else it is added with its read and starred
 * state.  *added is 1 for a new item.
 */
int	 store_sync_item_put(struct store *, const struct store_sync_item *,
	     int *added);
/*
 * Applying the server's state: begin opens a transaction in which
 * changes are not queued, end commits it (rc 0) or rolls it back.
 */
int	 store_sync_apply_begin(struct store *);
int	 store_sync_apply_end(struct store *, int rc);
/*
 * Inside apply: field ("read" or "starred") is set for the synced items
 * whose server ids are in ids (for "read": those not in ids are read),
 * and the tag name for those in ids, taken off the others; items with
 * a queued change of that field keep theirs.
 */
int	 store_sync_apply_flag(struct store *, const char *field,
	     const int64_t *ids, size_t n);
int	 store_sync_apply_tag(struct store *, const char *name,
	     const int64_t *ids, size_t n);
/* The queue, oldest field first; done removes what was sent. */
int	 store_sync_queue_list(struct store *, struct store_sync_change **,
	     size_t *);
void	 store_sync_queue_free(struct store_sync_change *, size_t);
int	 store_sync_queue_done(struct store *,
	     const struct store_sync_change *, size_t);
int	 store_sync_queue_count(struct store *, int64_t *);

#endif
