/*
 * Bodies kept small: an item's HTML and text, and an archived page's,
 * are stored zstd-compressed.  A packed value is a BLOB (a plain one is
 * TEXT, as archives before packing hold them): a header byte, then one
 * zstd frame.  Text is packed with its HTML as the frame's prefix, so the
 * words it shares with the HTML cost almost nothing.
 *
 * Packing needs no archive and may run on any thread (the cleaning
 * threads of a poll pack before the writer stores).
 */
#ifndef TELEX_STORE_PACK_H
#define TELEX_STORE_PACK_H

#include <stddef.h>

#include <sqlite3.h>

/* Shorter values are not worth a frame; they stay text. */
#define STORE_PACK_MIN	96

/* A value ready to bind: packed bytes, or NULL to store it as text. */
struct store_packed {
	void	*data;
	size_t	 len;
};

/*
 * Pack v (len bytes) against prefix (plain, NULL for none) into *out;
 * out->data stays NULL when v is short or does not shrink.
 */
void	 store_pack(const char *v, size_t len, const char *prefix,
	     size_t prefixlen, struct store_packed *out);
void	 store_packed_free(struct store_packed *);
/*
 * Unpack a value read as a BLOB; prefix is the plain value it was packed
 * against.  Returns the text (NUL-terminated, the caller frees it), or
 * NULL when the bytes are damaged or need a prefix that was not given.
 */
char	*store_unpack(const void *blob, size_t len, const char *prefix,
	     size_t prefixlen);
/* Does this packed value need the HTML as its prefix? */
int	 store_pack_needs_prefix(const void *blob, size_t len);
/* Bind v to a statement: packed when pk holds bytes (kept until run). */
void	 store_pack_bind(sqlite3_stmt *, int, const char *v,
	     const struct store_packed *pk);
/*
 * A body column as plain text (the caller frees it): TEXT as it is, a
 * packed value unpacked against prefix; NULL when NULL or damaged.
 */
char	*store_pack_column(sqlite3_stmt *, int, const char *prefix);
/* telex_unpack(value [, prefix]) for SQL: the value's plain text. */
int	 store_pack_register(sqlite3 *);

#endif
