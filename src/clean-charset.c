/*
 * A page's character set: the HTTP header, a byte order mark, <meta
 * charset> or http-equiv, else UTF-8 with windows-1252 for pages that
 * are not valid UTF-8; the bytes converted to UTF-8 with iconv.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clean-int.h"

/* Labels that name a wider charset than they say (as browsers read them). */
static const struct {
	const char	*label;
	const char	*iconv;
} clean_charset_aliases[] = {
	{ "iso-8859-1", "WINDOWS-1252" }, { "iso8859-1", "WINDOWS-1252" },
	{ "latin1", "WINDOWS-1252" }, { "latin-1", "WINDOWS-1252" },
	{ "us-ascii", "WINDOWS-1252" }, { "ascii", "WINDOWS-1252" },
	{ "shift_jis", "CP932" }, { "shift-jis", "CP932" },
	{ "sjis", "CP932" }, { "x-sjis", "CP932" }, { "windows-31j", "CP932" },
	{ "gb2312", "GB18030" }, { "gbk", "GB18030" }, { "x-gbk", "GB18030" },
	{ "euc-kr", "CP949" }, { "ks_c_5601-1987", "CP949" },
	{ "tis-620", "CP874" }, { "iso-8859-9", "WINDOWS-1254" },
	{ "utf8", "UTF-8" }, { "unicode", "UTF-16" },
};

/* A charset label cleaned into name (size bytes), or 0 if none. */
static int
clean_charset_label(const char *p, size_t n, char *name, size_t size)
{
	size_t	 i = 0, k;

	while (n > 0 && (*p == ' ' || *p == '"' || *p == '\'' || *p == '=')) {
		p++;
		n--;
	}
	while (i < n && i + 1 < size && (isalnum((unsigned char)p[i]) ||
	    strchr("-_.:", p[i]) != NULL)) {
		name[i] = (char)tolower((unsigned char)p[i]);
		i++;
	}
	name[i] = '\0';
	if (i == 0)
		return (0);
	for (k = 0; k < UTIL_ARRLEN(clean_charset_aliases); k++) {
		if (strcmp(name, clean_charset_aliases[k].label) == 0) {
			snprintf(name, size, "%s", clean_charset_aliases[k].iconv);
			break;
		}
	}
	return (1);
}

/* The charset a <meta> in the first 32 KB declares, into name. */
static int
clean_charset_meta(const char *html, size_t len, char *name, size_t size)
{
	const char	*p = html, *end, *tag, *cs;
	size_t		 scan = len < 32768 ? len : 32768;
	char		*head;
	int		 found = 0;

	head = xstrndup(html, scan);
	p = head;
	while ((tag = util_strcasestr(p, "<meta")) != NULL) {
		if ((end = strchr(tag, '>')) == NULL)
			break;
		cs = util_strcasestr(tag, "charset");
		if (cs != NULL && cs < end) {
			cs += 7;
			cs += strspn(cs, " \t\r\n");
			if (*cs == '=' && clean_charset_label(cs, (size_t)(end -
			    cs), name, size)) {
				found = 1;
				break;
			}
		}
		p = end;
	}
	free(head);
	return (found);
}

static int
clean_has_high(const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; i < len; i++) {
		if ((unsigned char)s[i] >= 0x80)
			return (1);
	}
	return (0);
}

static int
clean_iconv_known(const char *name)
{
	iconv_t	 cd;

	if ((cd = iconv_open("UTF-8", name)) == (iconv_t)-1)
		return (0);
	iconv_close(cd);
	return (1);
}

/*
 * The iconv name of the page's charset, into a static buffer: BOM first,
 * then the HTTP header, then <meta>; "UTF-8" when unknown and valid,
 * else "WINDOWS-1252".
 */
const char *
clean_charset_name(const char *html, size_t len, const char *http_charset)
{
	static char	 name[64];
	const unsigned char *u = (const unsigned char *)html;

	if (len >= 3 && u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf)
		return ("UTF-8");
	if (len >= 2 && u[0] == 0xff && u[1] == 0xfe)
		return ("UTF-16LE");
	if (len >= 2 && u[0] == 0xfe && u[1] == 0xff)
		return ("UTF-16BE");
	/* Text that decodes as UTF-8 is UTF-8, whatever the label says. */
	if (clean_has_high(html, len) && util_utf8_valid(html, len))
		return ("UTF-8");
	if (http_charset != NULL && clean_charset_label(http_charset,
	    strlen(http_charset), name, sizeof name) &&
	    clean_iconv_known(name))
		return (name);
	if (clean_charset_meta(html, len, name, sizeof name) &&
	    strcmp(name, "utf-16") != 0 && strcmp(name, "UTF-16") != 0 &&
	    clean_iconv_known(name)) {
		if (strcmp(name, "utf-8") == 0)
			return ("UTF-8");
		return (name);
	}
	return (util_utf8_valid(html, len) ? "UTF-8" : "WINDOWS-1252");
}

/*
 * Convert len bytes from charset from to UTF-8; an undecodable byte
 * becomes U+FFFD.  The caller frees the result (*outlen bytes).
 */
static char *
clean_iconv(const char *html, size_t len, const char *from, size_t *outlen)
{
	struct buf	 b;
	iconv_t		 cd;
	char		 chunk[8192], *in = (char *)html, *o;
	size_t		 left = len, room;

	buf_init(&b, 0);
	if ((cd = iconv_open("UTF-8", from)) == (iconv_t)-1) {
		*outlen = 0;
		return (buf_steal(&b));
	}
	while (left > 0) {
		o = chunk;
		room = sizeof chunk;
		if (iconv(cd, &in, &left, &o, &room) == (size_t)-1 &&
		    errno != E2BIG) {
			buf_add(&b, chunk, sizeof chunk - room);
			buf_adds(&b, "\xef\xbf\xbd");
			in++;
			left--;
			iconv(cd, NULL, NULL, NULL, NULL);
			continue;
		}
		buf_add(&b, chunk, sizeof chunk - room);
	}
	iconv_close(cd);
	*outlen = b.len;
	return (buf_steal(&b));
}

/* Windows-1252's characters for the bytes 0x80 to 0x9f (0: none). */
static const uint32_t clean_1252[32] = {
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
	0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
};

/*
 * The byte 0x80..0xbf that the character at p stands for when a page's
 * UTF-8 was read as Latin-1 or Windows-1252 (U+0080..U+00BF, or "€",
 * "™", "’"...): into *byte; returns the character's length, or 0.
 */
static size_t
clean_twice_byte(const unsigned char *p, size_t n, unsigned char *byte)
{
	uint32_t	cp;
	size_t		len, k;

	if (n >= 2 && p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0xbf) {
		*byte = p[1];
		return (2);
	}
	if ((len = util_utf8_seq(p, n, &cp)) < 2)
		return (0);
	for (k = 0; k < UTIL_ARRLEN(clean_1252); k++) {
		if (clean_1252[k] == cp) {
			*byte = (unsigned char)(0x80 + k);
			return (len);
		}
	}
	return (0);
}

/*
 * Bytes of one character encoded twice at p: a lead U+00C2..U+00F4
 * and its continuations, each read as Latin-1 or Windows-1252 and
 * written again as UTF-8, which taken back make one valid UTF-8
 * character.  Its bytes go to out; returns how many input bytes it
 * took, or 0.
 */
static size_t
clean_twice_char(const unsigned char *p, size_t n, unsigned char *out,
    size_t *outlen)
{
	size_t		 need, i, at = 2, len;
	uint32_t	 cp;

	if (n < 4 || p[0] != 0xc3 || p[1] < 0x82 || p[1] > 0xb4)
		return (0);
	out[0] = (unsigned char)(p[1] + 0x40);
	need = out[0] < 0xe0 ? 1 : out[0] < 0xf0 ? 2 : 3;
	for (i = 0; i < need; i++) {
		if ((len = clean_twice_byte(p + at, n - at, out + 1 + i)) == 0)
			return (0);
		at += len;
	}
	if (util_utf8_seq(out, need + 1, &cp) != need + 1)
		return (0);
	*outlen = need + 1;
	return (at);
}

/* Does the page hold C1 control characters, which no text has? */
static int
clean_has_c1(const unsigned char *p, size_t len)
{
	const unsigned char	*c1;
	size_t			 i;

	for (i = 0; i < len; i++) {
		if ((c1 = memchr(p + i, 0xc2, len - i)) == NULL)
			return (0);
		i = (size_t)(c1 - p);
		if (i + 1 < len && p[i + 1] >= 0x80 && p[i + 1] <= 0x9f)
			return (1);
	}
	return (0);
}

/*
 * Does "â€" (a quote, dash or ellipsis encoded twice through
 * Windows-1252) stand in the page twice or more?
 */
static int
clean_has_1252_twice(const char *html, size_t len)
{
	static const char	 mark[] = "\xc3\xa2\xe2\x82\xac";
	const char		*p, *end = html + len;

	return ((p = util_find(html, end, mark)) != NULL &&
	    util_find(p + sizeof mark - 1, end, mark) != NULL);
}

/* Each character encoded twice in p decoded once more: a copy. */
static char *
clean_charset_redo(const char *html, size_t len, size_t *outlen)
{
	const unsigned char	*p = (const unsigned char *)html;
	unsigned char		 one[4];
	struct buf		 b;
	size_t			 i, took, n;

	buf_init(&b, 0);
	for (i = 0; i < len; ) {
		if ((took = clean_twice_char(p + i, len - i, one, &n)) != 0) {
			buf_add(&b, one, n);
			i += took;
		} else
			buf_addc(&b, (char)p[i++]);
	}
	*outlen = b.len;
	return (buf_steal(&b));
}

/*
 * Is this UTF-8 encoded twice ("\xc3\xa2\xc2\x80\xc2\x94" for an em
 * dash, or "\xc3\xa2\xe2\x82\xac\xe2\x80\x9d" through Windows-1252)?
 * It shows by C1 control characters, which no text has, or by "â€"
 * again and again.
 */
int
clean_charset_garbled(const char *s, size_t len)
{
	return (clean_has_c1((const unsigned char *)s, len) ||
	    clean_has_1252_twice(s, len));
}

/* A page encoded twice, decoded once more; NULL when it is not. */
static char *
clean_charset_twice(const char *html, size_t len, size_t *outlen)
{
	if (!clean_charset_garbled(html, len))
		return (NULL);
	return (clean_charset_redo(html, len, outlen));
}

/*
 * Text of a page that came encoded twice through its entities
 * ("&acirc;&euro;&trade;" for an apostrophe): its characters encoded
 * twice decoded once more, in place.
 */
void
clean_charset_mend(char **text)
{
	char	*fixed;
	size_t	 len;

	if (*text == NULL)
		return;
	fixed = clean_charset_redo(*text, strlen(*text), &len);
	free(*text);
	*text = fixed;
}

/*
 * The page as UTF-8.  Returns html itself (*copied 0) when it already
 * is valid UTF-8 without a BOM, else a converted copy (*copied 1) the
 * caller frees.
 */
char *
clean_charset_utf8(const char *html, size_t len, const char *http_charset,
    size_t *outlen, int *copied)
{
	const char	*cs = clean_charset_name(html, len, http_charset);
	char		*fixed;

	*copied = 0;
	*outlen = len;
	if (strcmp(cs, "UTF-8") == 0) {
		if (len >= 3 && memcmp(html, "\xef\xbb\xbf", 3) == 0) {
			*outlen = len - 3;
			return ((char *)html + 3);
		}
		if (util_utf8_valid(html, len)) {
			if ((fixed = clean_charset_twice(html, len,
			    outlen)) == NULL)
				return ((char *)html);
			*copied = 1;
			return (fixed);
		}
		*copied = 1;
		html = util_utf8_sanitize(html, len);
		*outlen = strlen(html);
		return ((char *)html);
	}
	*copied = 1;
	return (clean_iconv(html, len, cs, outlen));
}
