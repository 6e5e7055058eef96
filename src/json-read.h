/*
 * Reading JSON: a whole document into a tree of values, for JSON Feed and
 * for the answers of sync servers.  A document broken part way keeps what
 * came before the break: every container still open there is closed and
 * marked incomplete, so a reader can keep the finished members and drop
 * the one the break fell in.
 */
#ifndef TELEX_JSON_READ_H
#define TELEX_JSON_READ_H

#include <stddef.h>
#include <stdint.h>

enum jv_type {
	JV_NULL,
	JV_BOOL,
	JV_NUMBER,
	JV_STRING,
	JV_ARRAY,
	JV_OBJECT
};

struct jv {
	enum jv_type	 type;
	int		 incomplete;	/* 1: the document broke inside it */
	int		 b;		/* JV_BOOL */
	double		 n;		/* JV_NUMBER */
	int64_t		 i;		/* JV_NUMBER, truncated toward zero */
	char		*s;		/* JV_STRING, UTF-8, NUL-terminated */
	size_t		 len;		/* JV_STRING: bytes; containers: members */
	char		**keys;		/* JV_OBJECT: len keys */
	struct jv	**v;		/* JV_ARRAY, JV_OBJECT: len values */
};

/*
 * Parse len bytes (a UTF-8 byte order mark is skipped).  Returns the root,
 * or NULL when not even the start of a value was found.  When the document
 * is broken, *cause (if not NULL) is set to one sentence saying where and
 * what (caller frees) and the partial tree is still returned; otherwise
 * *cause is set to NULL.  Invalid UTF-8 in strings becomes U+FFFD; \u
 * escapes, surrogate pairs included, are decoded; a NUL becomes U+FFFD.
 */
struct jv	*jv_parse(const char *data, size_t len, char **cause);
void		 jv_free(struct jv *);

/* Lookups: each returns NULL or the fallback when v is NULL or mistyped. */
const struct jv	*jv_get(const struct jv *obj, const char *key);
const struct jv	*jv_at(const struct jv *arr, size_t i);
size_t		 jv_count(const struct jv *arr_or_obj);	/* 0 if neither */
const char	*jv_str(const struct jv *);		/* JV_STRING only */
const char	*jv_get_str(const struct jv *obj, const char *key);
int64_t		 jv_int(const struct jv *, int64_t fallback);
		/* JV_NUMBER, or a JV_STRING holding a decimal integer */
int		 jv_bool(const struct jv *, int fallback);
		/* JV_BOOL, or numbers 0/1, or strings "true"/"false" */

#endif
