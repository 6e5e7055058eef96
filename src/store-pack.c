/*
 * zstd packing of the archive's bodies (see store-pack.h).  Each thread
 * keeps its own compression and decompression contexts.
 */
#include "config.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zstd.h>

#include "store-pack.h"
#include "util.h"

#define PACK_ALONE	'Z'		/* a frame of its own */
#define PACK_PREFIXED	'P'		/* a frame against the HTML */
#define PACK_LEVEL	1		/* level 3: 1% smaller, half as fast again */
#define PACK_WINDOW_MAX	27		/* the decoder's default limit */
#define PACK_MAX	((size_t)1 << 30)	/* no value unpacks larger */

struct pack_ctx {
	ZSTD_CCtx	*c;
	ZSTD_DCtx	*d;
};

static pthread_key_t	 pack_key;
static pthread_once_t	 pack_once = PTHREAD_ONCE_INIT;

static void
pack_ctx_free(void *arg)
{
	struct pack_ctx	*p = arg;

	ZSTD_freeCCtx(p->c);
	ZSTD_freeDCtx(p->d);
	free(p);
}

static void
pack_key_make(void)
{
	if (pthread_key_create(&pack_key, pack_ctx_free) != 0) {
		fputs("telex: cannot keep compression state\n", stderr);
		abort();
	}
}

static struct pack_ctx *
pack_ctx(void)
{
	struct pack_ctx	*p;

	pthread_once(&pack_once, pack_key_make);
	if ((p = pthread_getspecific(pack_key)) != NULL)
		return (p);
	p = xcalloc(1, sizeof *p);
	if ((p->c = ZSTD_createCCtx()) == NULL ||
	    (p->d = ZSTD_createDCtx()) == NULL ||
	    pthread_setspecific(pack_key, p) != 0) {
		fputs("telex: out of memory\n", stderr);
		abort();
	}
	return (p);
}

/* The smallest window log that reaches back over n bytes. */
static int
pack_window(size_t n)
{
	int	 log = 10;		/* zstd's smallest window */

	while (log < PACK_WINDOW_MAX && ((size_t)1 << log) < n)
		log++;
	return (log);
}

void
store_pack(const char *v, size_t len, const char *prefix, size_t prefixlen,
    struct store_packed *out)
{
	struct pack_ctx	*p;
	unsigned char	*buf;
	size_t		 bound, n;

	out->data = NULL;
	out->len = 0;
	if (v == NULL || len < STORE_PACK_MIN || len > PACK_MAX)
		return;
	if (prefix != NULL && (prefixlen == 0 ||
	    prefixlen + len > ((size_t)1 << PACK_WINDOW_MAX)))
		prefix = NULL;
	p = pack_ctx();
	ZSTD_CCtx_reset(p->c, ZSTD_reset_session_and_parameters);
	ZSTD_CCtx_setParameter(p->c, ZSTD_c_compressionLevel, PACK_LEVEL);
	/* Damage, or a prefix that is not the one packed against, shows. */
	ZSTD_CCtx_setParameter(p->c, ZSTD_c_checksumFlag, 1);
	if (prefix != NULL) {
		ZSTD_CCtx_setParameter(p->c, ZSTD_c_windowLog,
		    pack_window(prefixlen + len));
		ZSTD_CCtx_refPrefix(p->c, prefix, prefixlen);
	}
	bound = ZSTD_compressBound(len);
	buf = xmalloc(bound + 1);
	n = ZSTD_compress2(p->c, buf + 1, bound, v, len);
	if (ZSTD_isError(n) || n + 1 >= len) {
		free(buf);
		return;
	}
	buf[0] = prefix != NULL ? PACK_PREFIXED : PACK_ALONE;
	/* Held until stored: give back what the bound asked for. */
	out->data = xreallocarray(buf, n + 1, 1);
	out->len = n + 1;
}

void
store_packed_free(struct store_packed *pk)
{
	free(pk->data);
	pk->data = NULL;
	pk->len = 0;
}

int
store_pack_needs_prefix(const void *blob, size_t len)
{
	return (len > 0 && *(const unsigned char *)blob == PACK_PREFIXED);
}

char *
store_unpack(const void *blob, size_t len, const char *prefix,
    size_t prefixlen)
{
	const unsigned char	*b = blob;
	struct pack_ctx		*p;
	unsigned long long	 size;
	char			*out;
	size_t			 n;

	if (len < 2 || (b[0] != PACK_ALONE && b[0] != PACK_PREFIXED))
		return (NULL);
	if (b[0] == PACK_PREFIXED && (prefix == NULL || prefixlen == 0))
		return (NULL);
	size = ZSTD_getFrameContentSize(b + 1, len - 1);
	if (size == ZSTD_CONTENTSIZE_ERROR ||
	    size == ZSTD_CONTENTSIZE_UNKNOWN || size > PACK_MAX)
		return (NULL);
	p = pack_ctx();
	ZSTD_DCtx_reset(p->d, ZSTD_reset_session_and_parameters);
	if (b[0] == PACK_PREFIXED)
		ZSTD_DCtx_refPrefix(p->d, prefix, prefixlen);
	out = xmalloc((size_t)size + 1);
	n = ZSTD_decompressDCtx(p->d, out, (size_t)size, b + 1, len - 1);
	if (ZSTD_isError(n) || n != size || memchr(out, '\0', n) != NULL) {
		free(out);
		return (NULL);
	}
	out[n] = '\0';
	return (out);
}

/*
 * telex_unpack(value [, prefix]): a TEXT or NULL value as it is, a packed
 * one unpacked (against prefix, itself packed or not, when it needs it).
 */
static void
store_pack_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const void	*blob;
	const char	*prefix = NULL;
	char		*own = NULL, *text;
	size_t		 len, plen = 0;

	if (sqlite3_value_type(argv[0]) != SQLITE_BLOB) {
		sqlite3_result_value(ctx, argv[0]);
		return;
	}
	blob = sqlite3_value_blob(argv[0]);
	len = (size_t)sqlite3_value_bytes(argv[0]);
	if (argc > 1 && store_pack_needs_prefix(blob, len)) {
		if (sqlite3_value_type(argv[1]) == SQLITE_BLOB) {
			own = store_unpack(sqlite3_value_blob(argv[1]),
			    (size_t)sqlite3_value_bytes(argv[1]), NULL, 0);
			prefix = own;
			plen = own != NULL ? strlen(own) : 0;
		} else if ((prefix = (const char *)sqlite3_value_text(argv[1]))
		    != NULL)
			plen = (size_t)sqlite3_value_bytes(argv[1]);
		/* Reading the prefix may have moved the value's bytes. */
		blob = sqlite3_value_blob(argv[0]);
	}
	text = store_unpack(blob, len, prefix, plen);
	free(own);
	if (text == NULL) {
		sqlite3_result_error(ctx, "a text kept in the archive is "
		    "damaged", -1);
		return;
	}
	sqlite3_result_text(ctx, text, -1, free);
}

int
store_pack_register(sqlite3 *db)
{
	int	 rc;

	rc = sqlite3_create_function_v2(db, "telex_unpack", 1,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, store_pack_fn, NULL,
	    NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function_v2(db, "telex_unpack", 2,
		    SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, store_pack_fn,
		    NULL, NULL, NULL);
	return (rc);
}

void
store_pack_bind(sqlite3_stmt *s, int i, const char *v,
    const struct store_packed *pk)
{
	if (pk != NULL && pk->data != NULL)
		sqlite3_bind_blob(s, i, pk->data, (int)pk->len, SQLITE_STATIC);
	else if (v != NULL)
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, i);
}

char *
store_pack_column(sqlite3_stmt *s, int i, const char *prefix)
{
	const unsigned char	*v;

	if (sqlite3_column_type(s, i) == SQLITE_BLOB)
		return (store_unpack(sqlite3_column_blob(s, i),
		    (size_t)sqlite3_column_bytes(s, i), prefix,
		    prefix != NULL ? strlen(prefix) : 0));
	if ((v = sqlite3_column_text(s, i)) == NULL)
		return (NULL);
	return (xstrdup((const char *)v));
}
