/*
 * Small helpers shared by every module: allocation that aborts on failure,
 * a growable string buffer with a size cap, and string utilities.
 */
#ifndef TELEX_UTIL_H
#define TELEX_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#define UTIL_ARRLEN(a) (sizeof(a) / sizeof((a)[0]))

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
char	*xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));
char	*xvasprintf(const char *, va_list) __attribute__((format(printf, 1, 0)));

/*
 * A NUL-terminated byte buffer that grows by doubling up to limit bytes
 * (0: no limit but SIZE_MAX).  Adding past the limit fails with -1 and
 * leaves the buffer as it was; data is never NULL after buf_init.
 */
struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
	size_t	 limit;
};

void	 buf_init(struct buf *, size_t limit);
void	 buf_free(struct buf *);
void	 buf_reset(struct buf *);
int	 buf_add(struct buf *, const void *, size_t);
/* Code point c as UTF-8 (a surrogate or past U+10FFFF as U+FFFD). */
int	 buf_add_cp(struct buf *, uint32_t);
int	 buf_adds(struct buf *, const char *);
int	 buf_printf(struct buf *, const char *, ...)
	     __attribute__((format(printf, 2, 3)));
char	*buf_steal(struct buf *);

/* One byte; inline because parsers call it for nearly every byte. */
static inline int
buf_addc(struct buf *b, char c)
{
	if (b->len + 1 < b->cap && b->len < b->limit) {
		b->data[b->len++] = c;
		b->data[b->len] = '\0';
		return (0);
	}
	return (buf_add(b, &c, 1));
}

/* Strings. */
int	 util_streq_nocase(const char *, const char *);
int	 util_starts_nocase(const char *, const char *);
char	*util_trim(char *);
char	*util_strcasestr(const char *, const char *);
const char	*util_find(const char *, const char *, const char *);
char	*util_collapse_space(const char *);
/*
 * Length of the UTF-8 sequence at p (at most n bytes, n > 0) with its code
 * point in *cp, or 0 when it is not a valid, shortest-form encoding.
 */
size_t	 util_utf8_seq(const unsigned char *, size_t, uint32_t *);
int	 util_utf8_valid(const char *, size_t);
char	*util_utf8_sanitize(const char *, size_t);
char	*util_display_safe(const char *);
/* Zero n bytes at p (a password) in a way no compiler leaves out. */
void	 util_wipe(void *, size_t);

/* Files. */
/* path with a leading "~/" made $HOME's, as a new string. */
char	*util_home_path(const char *);
int	 util_read_file(const char *, struct buf *, char **);

/* Time. */
int64_t	 util_now(void);
double	 util_monotonic(void);

/*
 * Make the folder dir and those above it, with mode: 0, or -1 with
 * *cause ("cannot create the folder X: why"; caller frees).
 */
int	 util_mkdirs(const char *dir, int mode, char **cause);

#endif
