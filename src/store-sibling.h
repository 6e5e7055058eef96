/*
 * What src/store.c lends its siblings (src/store-*.c) so their SQL can
 * share its connection, statement cache, error words and transactions.
 * Nothing outside src/store*.c includes this header.
 */
#ifndef TELEX_STORE_SIBLING_H
#define TELEX_STORE_SIBLING_H

#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

#include "store.h"

/* Statement slots: each sibling takes its own range. */
#define STORE_SIBLING_STMTS	96
#define STORE_SIBLING_PAGES	0	/* store-pages.c: 0 to 15 */
#define STORE_SIBLING_QUERY	16	/* store-query.c: 16 to 31 */
#define STORE_SIBLING_DOWNLOADS	32	/* store-downloads.c: 32 to 39 */
#define STORE_SIBLING_NEWSBOAT	40	/* store-newsboat.c: 40 to 47 */
#define STORE_SIBLING_SYNC	64	/* store-sync.c: 64 to 95 */

/* Data slots: one each for the siblings that keep data of their own. */
#define STORE_SIBLING_DATA	1
#define STORE_SIBLING_DATA_QUERY 0	/* store-query.c: its statements */

sqlite3		*store_sibling_db(struct store *);
/*
 * Data a sibling keeps with the store (NULL until kept).  The store hands
 * it to done on store_close, before the connection closes; keep returns
 * -1 when the slot is taken.
 */
void		*store_sibling_data(struct store *, size_t slot);
int		 store_sibling_keep(struct store *, size_t slot, void *data,
		     void (*done)(void *));
/* Read through a memory map from now on (searches and lists). */
void		 store_sibling_map(struct store *);
/* The statement cached in slot (prepared from sql on first use). */
sqlite3_stmt	*store_sibling_stmt(struct store *, size_t slot,
		     const char *sql);
/* Run SQL without results (several statements): 0, or -1. */
int		 store_sibling_exec(struct store *, const char *sql);
/* Step to the end and reset: 0, or -1 with the error kept. */
int		 store_sibling_run(struct store *, sqlite3_stmt *);
/* Step once: 1 with a row (reset after reading), 0 at the end, -1. */
int		 store_sibling_row(struct store *, sqlite3_stmt *);
/* Keep words for store_errmsg; both return -1. */
int		 store_sibling_sqlfail(struct store *, int code);
int		 store_sibling_fail(struct store *, const char *message);
/* A write transaction of its own when none is open (own says so). */
int		 store_sibling_begin(struct store *, int *own);
int		 store_sibling_end(struct store *, int own, int rc);
/* Around a change of an item's indexed words: out before, in after. */
int		 store_sibling_fts_out(struct store *, int64_t id);
int		 store_sibling_fts_in(struct store *, int64_t id);
/* The item columns of i (items) and f (feeds), for lists. */
const char	*store_sibling_item_columns(void);
/* An item from a row starting with those columns, with its tags. */
int		 store_sibling_item_row(struct store *, sqlite3_stmt *,
		     struct store_item *);
const struct store_rule *store_sibling_rules(struct store *, size_t *);
/* "%text%", folded, for telex_fold(x) LIKE ... ESCAPE '\\'; caller frees. */
char		*store_sibling_like(const char *);

#endif
