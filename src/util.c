/*
 * Allocation wrappers, the capped string buffer and string helpers used
 * across telex.  Allocation failure is fatal: it prints and exits.
 */
#include "config.h"

#include <sys/stat.h>
#include <sys/types.h>

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "util.h"

static void
util_fatal_oom(void)
{
	fputs("telex: out of memory\n", stderr);
	abort();
}

void *
xmalloc(size_t size)
{
	void	*p;

	if (size == 0)
		size = 1;
	if ((p = malloc(size)) == NULL)
		util_fatal_oom();
	return (p);
}

void *
xcalloc(size_t n, size_t size)
{
	void	*p;

	if (n == 0 || size == 0)
		n = size = 1;
	if ((p = calloc(n, size)) == NULL)
		util_fatal_oom();
	return (p);
}

void *
xreallocarray(void *old, size_t n, size_t size)
{
	void	*p;

	if (size != 0 && n > SIZE_MAX / size)
		util_fatal_oom();
	if (n * size == 0)
		n = size = 1;
	if ((p = realloc(old, n * size)) == NULL)
		util_fatal_oom();
	return (p);
}

char *
xstrdup(const char *s)
{
	return (xstrndup(s, strlen(s)));
}

char *
xstrndup(const char *s, size_t n)
{
	char	*p;
	size_t	 len;

	len = strnlen(s, n);
	p = xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return (p);
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	va_list	 aq;
	int	 n;
	char	*p;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		util_fatal_oom();
	p = xmalloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return (p);
}

char *
xasprintf(const char *fmt, ...)
{
	va_list	 ap;
	char	*p;

	va_start(ap, fmt);
	p = xvasprintf(fmt, ap);
	va_end(ap);
	return (p);
}

void
buf_init(struct buf *b, size_t limit)
{
	b->cap = 64;
	b->data = xmalloc(b->cap);
	b->data[0] = '\0';
	b->len = 0;
	b->limit = limit == 0 ? SIZE_MAX - 1 : limit;
}

void
buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	b->data[0] = '\0';
}

/* Make room for n more bytes and the NUL; -1 if that passes the limit. */
static int
buf_grow(struct buf *b, size_t n)
{
	size_t	 need, cap;

	if (n > b->limit - b->len)
		return (-1);
	need = b->len + n + 1;
	if (need <= b->cap)
		return (0);
	cap = b->cap;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	b->data = xreallocarray(b->data, cap, 1);
	b->cap = cap;
	return (0);
}

int
buf_add(struct buf *b, const void *p, size_t n)
{
	if (buf_grow(b, n) != 0)
		return (-1);
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
	return (0);
}

int
buf_add_cp(struct buf *b, uint32_t c)
{
	char	 s[4];

	if (c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		c = 0xfffd;
	if (c < 0x80) {
		s[0] = (char)c;
		return (buf_add(b, s, 1));
	}
	if (c < 0x800) {
		s[0] = (char)(0xc0 | (c >> 6));
		s[1] = (char)(0x80 | (c & 0x3f));
		return (buf_add(b, s, 2));
	}
	if (c < 0x10000) {
		s[0] = (char)(0xe0 | (c >> 12));
		s[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		s[2] = (char)(0x80 | (c & 0x3f));
		return (buf_add(b, s, 3));
	}
	s[0] = (char)(0xf0 | (c >> 18));
	s[1] = (char)(0x80 | ((c >> 12) & 0x3f));
	s[2] = (char)(0x80 | ((c >> 6) & 0x3f));
	s[3] = (char)(0x80 | (c & 0x3f));
	return (buf_add(b, s, 4));
}

int
buf_adds(struct buf *b, const char *s)
{
	return (buf_add(b, s, strlen(s)));
}

int
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;
	int	 rc;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	rc = buf_adds(b, s);
	free(s);
	return (rc);
}

/*
 * Give the caller the bytes (to free); the buffer is left as after
 * buf_free, to be initialised again before any further use.
 */
char *
buf_steal(struct buf *b)
{
	char	*p;

	p = b->data;
	b->data = NULL;
	b->len = b->cap = 0;
	return (p);
}

int
util_streq_nocase(const char *a, const char *b)
{
	return (strcasecmp(a, b) == 0);
}

int
util_starts_nocase(const char *s, const char *prefix)
{
	return (strncasecmp(s, prefix, strlen(prefix)) == 0);
}

/* Find needle in p up to lim (not NUL-terminated); NULL if absent. */
const char *
util_find(const char *p, const char *lim, const char *needle)
{
	size_t	 n = strlen(needle);

	for (; (size_t)(lim - p) >= n; p++) {
		if ((p = memchr(p, needle[0], (size_t)(lim - p) - n + 1)) ==
		    NULL)
			return (NULL);
		if (memcmp(p, needle, n) == 0)
			return (p);
	}
	return (NULL);
}

/* Find needle in haystack, ASCII case folded; NULL if absent. */
char *
util_strcasestr(const char *haystack, const char *needle)
{
	size_t	 n = strlen(needle);

	for (; *haystack != '\0'; haystack++) {
		if (strncasecmp(haystack, needle, n) == 0)
			return ((char *)haystack);
	}
	return (n == 0 ? (char *)haystack : NULL);
}

void
util_wipe(void *p, size_t n)
{
	volatile unsigned char	*c = p;

	while (c != NULL && n-- > 0)
		*c++ = 0;
}

char *
util_home_path(const char *path)
{
	const char	*home;

	if (path[0] == '~' && path[1] == '/' &&
	    (home = getenv("HOME")) != NULL)
		return (xasprintf("%s%s", home, path + 1));
	return (xstrdup(path));
}

/* Trim ASCII white space at both ends, in place. */
char *
util_trim(char *s)
{
	char	*end;

	while (isspace((unsigned char)*s))
		s++;
	end = s + strlen(s);
	while (end > s && isspace((unsigned char)end[-1]))
		*--end = '\0';
	return (s);
}

/*
 * Length of the UTF-8 sequence at p (at most n bytes), or 0 when it is not
 * a valid, shortest-form encoding of a scalar value.
 */
size_t
util_utf8_seq(const unsigned char *p, size_t n, uint32_t *cp)
{
	uint32_t	 c;
	size_t		 len, i;

	if (p[0] < 0x80) {
		*cp = p[0];
		return (1);
	}
	if (p[0] >= 0xc2 && p[0] <= 0xdf) {
		len = 2;
		c = p[0] & 0x1f;
	} else if (p[0] >= 0xe0 && p[0] <= 0xef) {
		len = 3;
		c = p[0] & 0x0f;
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		len = 4;
		c = p[0] & 0x07;
	} else
		return (0);
	if (len > n)
		return (0);
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return (0);
		c = (c << 6) | (p[i] & 0x3f);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
	    c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return (0);
	*cp = c;
	return (len);
}

/* Is p a valid sequence of two bytes (U+0080 to U+07FF)?  Its *cp. */
static int
util_utf8_two(const unsigned char *p, size_t n, uint32_t *cp)
{
	if (n < 2 || p[0] < 0xc2 || p[0] > 0xdf || (p[1] & 0xc0) != 0x80)
		return (0);
	*cp = (uint32_t)(p[0] & 0x1f) << 6 | (p[1] & 0x3f);
	return (1);
}

int
util_utf8_valid(const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0, len;
	uint32_t		 cp;
	uint64_t		 word;

	while (i < n) {
		/* Eight ASCII bytes at a time where the text allows. */
		if (n - i >= 8) {
			memcpy(&word, p + i, 8);
			if ((word & 0x8080808080808080ULL) == 0) {
				i += 8;
				continue;
			}
		}
		if (util_utf8_two(p + i, n - i, &cp))
			len = 2;
		else if ((len = util_utf8_seq(p + i, n - i, &cp)) == 0)
			return (0);
		i += len;
	}
	return (1);
}

/*
 * Code points that must never reach a terminal or the archive's text: C0
 * controls but tab and newline, DEL, C1 controls, bidi embeddings and
 * overrides and isolates and marks, the zero-width space, and the BOM.
 * Zero-width joiners stay: Persian, Indic scripts and emoji need them.
 */
static int
util_unsafe_cp(uint32_t c)
{
	if (c < 0x20)
		return (c != '\t' && c != '\n');
	if (c >= 0x7f && c <= 0x9f)
		return (1);
	if (c == 0x200b || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) ||
	    (c >= 0x2066 && c <= 0x2069) || c == 0xfeff || c == 0x061c)
		return (1);
	return (0);
}

/* Are the eight bytes at p all printable ASCII (0x20 to 0x7e)? */
static int
util_printable8(const unsigned char *p)
{
	uint64_t	 w, low, del;

	memcpy(&w, p, 8);
	low = (w - 0x2020202020202020ULL) & ~w;		/* under 0x20 */
	del = ((w ^ 0x7f7f7f7f7f7f7f7fULL) - 0x0101010101010101ULL) &
	    ~(w ^ 0x7f7f7f7f7f7f7f7fULL);		/* 0x7f */
	return (((w | low | del) & 0x8080808080808080ULL) == 0);
}

/*
 * Copy n bytes of s as valid UTF-8 with unsafe code points removed;
 * invalid bytes become U+FFFD.  The caller frees the result.
 */
char *
util_utf8_sanitize(const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	struct buf		 b;
	size_t			 i = 0, start, len = 0;
	uint32_t		 cp;

	buf_init(&b, 0);
	while (i < n) {
		/* Copy the longest run of valid, safe text in one go. */
		for (start = i; i < n; i += len) {
			if (n - i >= 8 && util_printable8(p + i)) {
				len = 8;
				continue;
			}
			if (p[i] >= 0x20 && p[i] < 0x7f) {
				len = 1;
				continue;
			}
			/* Two bytes from U+00A0 on (accents, Cyrillic) are safe. */
			if (util_utf8_two(p + i, n - i, &cp) && cp >= 0xa0 &&
			    cp != 0x061c) {
				len = 2;
				continue;
			}
			len = util_utf8_seq(p + i, n - i, &cp);
			if (len == 0 || util_unsafe_cp(cp))
				break;
		}
		buf_add(&b, p + start, i - start);
		if (i == n)
			break;
		if (len == 0) {
			buf_adds(&b, "\xef\xbf\xbd");
			len = 1;
		}
		i += len;
	}
	return (b.data);
}

/*
 * For one line of display (a title, a feed name): sanitized, with tabs
 * and newlines turned into spaces and runs of space collapsed.
 */
char *
util_display_safe(const char *s)
{
	char	*clean, *out;

	clean = util_utf8_sanitize(s, strlen(s));
	out = util_collapse_space(clean);
	free(clean);
	return (out);
}

/* Collapse runs of ASCII white space into one space and trim the ends. */
char *
util_collapse_space(const char *s)
{
	char	*out, *o;
	int	 space = 0;

	out = o = xmalloc(strlen(s) + 1);
	for (; *s != '\0'; s++) {
		if (isspace((unsigned char)*s)) {
			space = (o != out);
			continue;
		}
		if (space)
			*o++ = ' ';
		space = 0;
		*o++ = *s;
	}
	*o = '\0';
	return (out);
}

/*
 * Read the file at path ("-": standard input) into b, whose limit caps
 * it.  Returns 0, or -1 with *cause set (caller frees).
 */
int
util_read_file(const char *path, struct buf *b, char **cause)
{
	FILE	*f;
	char	 chunk[65536];
	size_t	 n;
	int	 rc = -1;

	f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (f == NULL) {
		*cause = xasprintf("cannot open %s: %s", path, strerror(errno));
		return (-1);
	}
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (buf_add(b, chunk, n) != 0) {
			*cause = xasprintf("%s is too large (over %zu MB)",
			    path, b->limit >> 20);
			goto out;
		}
	}
	if (ferror(f)) {
		*cause = xasprintf("cannot read %s: %s", path, strerror(errno));
		goto out;
	}
	rc = 0;
out:
	if (f != stdin)
		fclose(f);
	return (rc);
}

int64_t
util_now(void)
{
	return ((int64_t)time(NULL));
}

double
util_monotonic(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((double)ts.tv_sec + ts.tv_nsec / 1e9);
}

int
util_mkdirs(const char *dir, int mode, char **cause)
{
	char	*copy, *p, c;
	int	 rc = -1;

	copy = xstrdup(dir);
	for (p = copy + 1;; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		c = *p;
		*p = '\0';
		if (mkdir(copy, (mode_t)mode) != 0 && errno != EEXIST) {
			*cause = xasprintf("cannot create the folder %s: %s",
			    copy, strerror(errno));
			goto out;
		}
		*p = c;
		if (c == '\0')
			break;
	}
	rc = 0;
out:
	free(copy);
	return (rc);
}
