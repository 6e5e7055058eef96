/*
 * The prepass: feed bytes in any charset become UTF-8 that mxml can read.
 * Conversion first (BOM, HTTP charset, XML declaration, else UTF-8), then
 * one lexical pass that fixes entities, stray '&' and '<', control
 * characters, and drops comments, the XML declaration and any DOCTYPE.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "prepass.h"

struct prepass_entity {
	const char	*name;
	uint32_t	 code;
};

/* The HTML 4 named entities, sorted by name (strcmp order). */
static const struct prepass_entity prepass_entities[] = {
	{ "AElig", 198 }, { "Aacute", 193 }, { "Acirc", 194 },
	{ "Agrave", 192 }, { "Alpha", 913 }, { "Aring", 197 },
	{ "Atilde", 195 }, { "Auml", 196 }, { "Beta", 914 },
	{ "Ccedil", 199 }, { "Chi", 935 }, { "Dagger", 8225 },
	{ "Delta", 916 }, { "ETH", 208 }, { "Eacute", 201 },
	{ "Ecirc", 202 }, { "Egrave", 200 }, { "Epsilon", 917 },
	{ "Eta", 919 }, { "Euml", 203 }, { "Gamma", 915 }, { "Iacute", 205 },
	{ "Icirc", 206 }, { "Igrave", 204 }, { "Iota", 921 },
	{ "Iuml", 207 }, { "Kappa", 922 }, { "Lambda", 923 }, { "Mu", 924 },
	{ "Ntilde", 209 }, { "Nu", 925 }, { "OElig", 338 },
	{ "Oacute", 211 }, { "Ocirc", 212 }, { "Ograve", 210 },
	{ "Omega", 937 }, { "Omicron", 927 }, { "Oslash", 216 },
	{ "Otilde", 213 }, { "Ouml", 214 }, { "Phi", 934 }, { "Pi", 928 },
	{ "Prime", 8243 }, { "Psi", 936 }, { "Rho", 929 }, { "Scaron", 352 },
	{ "Sigma", 931 }, { "THORN", 222 }, { "Tau", 932 }, { "Theta", 920 },
	{ "Uacute", 218 }, { "Ucirc", 219 }, { "Ugrave", 217 },
	{ "Upsilon", 933 }, { "Uuml", 220 }, { "Xi", 926 },
	{ "Yacute", 221 }, { "Yuml", 376 }, { "Zeta", 918 },
	{ "aacute", 225 }, { "acirc", 226 }, { "acute", 180 },
	{ "aelig", 230 }, { "agrave", 224 }, { "alefsym", 8501 },
	{ "alpha", 945 }, { "amp", 38 }, { "and", 8743 }, { "ang", 8736 },
	{ "aring", 229 }, { "asymp", 8776 }, { "atilde", 227 },
	{ "auml", 228 }, { "bdquo", 8222 }, { "beta", 946 },
	{ "brvbar", 166 }, { "bull", 8226 }, { "cap", 8745 },
	{ "ccedil", 231 }, { "cedil", 184 }, { "cent", 162 }, { "chi", 967 },
	{ "circ", 710 }, { "clubs", 9827 }, { "cong", 8773 },
	{ "copy", 169 }, { "crarr", 8629 }, { "cup", 8746 },
	{ "curren", 164 }, { "dArr", 8659 }, { "dagger", 8224 },
	{ "darr", 8595 }, { "deg", 176 }, { "delta", 948 },
	{ "diams", 9830 }, { "divide", 247 }, { "eacute", 233 },
	{ "ecirc", 234 }, { "egrave", 232 }, { "empty", 8709 },
	{ "emsp", 8195 }, { "ensp", 8194 }, { "epsilon", 949 },
	{ "equiv", 8801 }, { "eta", 951 }, { "eth", 240 }, { "euml", 235 },
	{ "euro", 8364 }, { "exist", 8707 }, { "fnof", 402 },
	{ "forall", 8704 }, { "frac12", 189 }, { "frac14", 188 },
	{ "frac34", 190 }, { "frasl", 8260 }, { "gamma", 947 },
	{ "ge", 8805 }, { "gt", 62 }, { "hArr", 8660 }, { "harr", 8596 },
	{ "hearts", 9829 }, { "hellip", 8230 }, { "iacute", 237 },
	{ "icirc", 238 }, { "iexcl", 161 }, { "igrave", 236 },
	{ "image", 8465 }, { "infin", 8734 }, { "int", 8747 },
	{ "iota", 953 }, { "iquest", 191 }, { "isin", 8712 },
	{ "iuml", 239 }, { "kappa", 954 }, { "lArr", 8656 },
	{ "lambda", 955 }, { "lang", 9001 }, { "laquo", 171 },
	{ "larr", 8592 }, { "lceil", 8968 }, { "ldquo", 8220 },
	{ "le", 8804 }, { "lfloor", 8970 }, { "lowast", 8727 },
	{ "loz", 9674 }, { "lrm", 8206 }, { "lsaquo", 8249 },
	{ "lsquo", 8216 }, { "lt", 60 }, { "macr", 175 }, { "mdash", 8212 },
	{ "micro", 181 }, { "middot", 183 }, { "minus", 8722 },
	{ "mu", 956 }, { "nabla", 8711 }, { "nbsp", 160 }, { "ndash", 8211 },
	{ "ne", 8800 }, { "ni", 8715 }, { "not", 172 }, { "notin", 8713 },
	{ "nsub", 8836 }, { "ntilde", 241 }, { "nu", 957 },
	{ "oacute", 243 }, { "ocirc", 244 }, { "oelig", 339 },
	{ "ograve", 242 }, { "oline", 8254 }, { "omega", 969 },
	{ "omicron", 959 }, { "oplus", 8853 }, { "or", 8744 },
	{ "ordf", 170 }, { "ordm", 186 }, { "oslash", 248 },
	{ "otilde", 245 }, { "otimes", 8855 }, { "ouml", 246 },
	{ "para", 182 }, { "part", 8706 }, { "permil", 8240 },
	{ "perp", 8869 }, { "phi", 966 }, { "pi", 960 }, { "piv", 982 },
	{ "plusmn", 177 }, { "pound", 163 }, { "prime", 8242 },
	{ "prod", 8719 }, { "prop", 8733 }, { "psi", 968 }, { "quot", 34 },
	{ "rArr", 8658 }, { "radic", 8730 }, { "rang", 9002 },
	{ "raquo", 187 }, { "rarr", 8594 }, { "rceil", 8969 },
	{ "rdquo", 8221 }, { "real", 8476 }, { "reg", 174 },
	{ "rfloor", 8971 }, { "rho", 961 }, { "rlm", 8207 },
	{ "rsaquo", 8250 }, { "rsquo", 8217 }, { "sbquo", 8218 },
	{ "scaron", 353 }, { "sdot", 8901 }, { "sect", 167 }, { "shy", 173 },
	{ "sigma", 963 }, { "sigmaf", 962 }, { "sim", 8764 },
	{ "spades", 9824 }, { "sub", 8834 }, { "sube", 8838 },
	{ "sum", 8721 }, { "sup", 8835 }, { "sup1", 185 }, { "sup2", 178 },
	{ "sup3", 179 }, { "supe", 8839 }, { "szlig", 223 }, { "tau", 964 },
	{ "there4", 8756 }, { "theta", 952 }, { "thetasym", 977 },
	{ "thinsp", 8201 }, { "thorn", 254 }, { "tilde", 732 },
	{ "times", 215 }, { "trade", 8482 }, { "uArr", 8657 },
	{ "uacute", 250 }, { "uarr", 8593 }, { "ucirc", 251 },
	{ "ugrave", 249 }, { "uml", 168 }, { "upsih", 978 },
	{ "upsilon", 965 }, { "uuml", 252 }, { "weierp", 8472 },
	{ "xi", 958 }, { "yacute", 253 }, { "yen", 165 }, { "yuml", 255 },
	{ "zeta", 950 }, { "zwj", 8205 }, { "zwnj", 8204 },
};

/* Windows-1252 bytes 0x80-0x9f; the five holes keep their Latin-1 value. */
static const uint16_t prepass_cp1252[32] = {
	0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
	0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178
};

/* Labels read as windows-1252, as browsers do. */
static const char *prepass_latin1_labels[] = {
	"iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1",
	"cp819", "ibm819", "iso-ir-100", "us-ascii", "ascii", "us",
	"ansi_x3.4-1968", "iso646-us", "windows-1252", "cp1252", "x-cp1252"
};

enum prepass_decoder {
	PREPASS_UTF8,
	PREPASS_CP1252,
	PREPASS_ICONV
};

struct prepass_charset {
	enum prepass_decoder	 decoder;
	char			 name[32];	/* as reported */
	char			 iconv[32];	/* for iconv_open */
	size_t			 skip;		/* BOM bytes */
};

struct prepass_state {
	struct buf	*out;
	int		 repaired;
	int		 full;		/* out's limit was reached */
	const char	*last_gt;	/* the input's last '>', or NULL */
};

static int
prepass_entity_cmp(const void *key, const void *elem)
{
	const struct prepass_entity	*e = elem;

	return (strcmp(key, e->name));
}

static int
prepass_add(struct prepass_state *st, const void *p, size_t n)
{
	if (buf_add(st->out, p, n) != 0)
		st->full = 1;
	return (st->full ? -1 : 0);
}

static uint32_t
prepass_cp1252_char(unsigned char c)
{
	if (c >= 0x80 && c < 0xa0)
		return (prepass_cp1252[c - 0x80]);
	return (c);
}

/* Charset from a byte order mark or the UTF-16/32 form of "<?"; or NULL. */
static const char *
prepass_sniff(const unsigned char *p, size_t len, size_t *skip)
{
	static const struct {
		const char	*bytes;
		size_t		 len;
		size_t		 skip;
		const char	*name;
	} marks[] = {
		{ "\x00\x00\xfe\xff", 4, 4, "utf-32be" },
		{ "\xff\xfe\x00\x00", 4, 4, "utf-32le" },
		{ "\xef\xbb\xbf", 3, 3, "utf-8" },
		{ "\xfe\xff", 2, 2, "utf-16be" },
		{ "\xff\xfe", 2, 2, "utf-16le" },
		{ "\x00\x00\x00\x3c", 4, 0, "utf-32be" },
		{ "\x3c\x00\x00\x00", 4, 0, "utf-32le" },
		{ "\x00\x3c\x00\x3f", 4, 0, "utf-16be" },
		{ "\x3c\x00\x3f\x00", 4, 0, "utf-16le" }
	};
	size_t	 i;

	for (i = 0; i < UTIL_ARRLEN(marks); i++) {
		if (len >= marks[i].len &&
		    memcmp(p, marks[i].bytes, marks[i].len) == 0) {
			*skip = marks[i].skip;
			return (marks[i].name);
		}
	}
	*skip = 0;
	return (NULL);
}

/*
 * The encoding pseudo-attribute of an XML declaration at the start of
 * data (ASCII-compatible charsets only), copied into out; 0 if found.
 */
static int
prepass_decl_encoding(const char *p, size_t len, char *out, size_t size)
{
	const char	*end, *e, *v;
	char		 quote;
	size_t		 n;

	while (len > 0 && isspace((unsigned char)*p)) {
		p++;
		len--;
	}
	if (len < 6 || strncmp(p, "<?xml", 5) != 0)
		return (-1);
	if ((end = memchr(p, '>', len < 1024 ? len : 1024)) == NULL)
		return (-1);
	for (e = p + 5; e + 8 < end; e++) {
		if (strncmp(e, "encoding", 8) == 0)
			break;
	}
	if (e + 8 >= end)
		return (-1);
	for (v = e + 8; v < end && (isspace((unsigned char)*v) || *v == '=');)
		v++;
	if (v >= end || (*v != '"' && *v != '\''))
		return (-1);
	quote = *v++;
	for (n = 0; v + n < end && v[n] != quote; n++)
		;
	if (n == 0 || n >= size || v + n >= end)
		return (-1);
	memcpy(out, v, n);
	out[n] = '\0';
	return (0);
}

/* Lower-case and trim a charset label in place (quotes too). */
static void
prepass_label(char *s)
{
	char	*p, *t;

	t = util_trim(s);
	if (*t == '"' || *t == '\'')
		t++;
	memmove(s, t, strlen(t) + 1);
	for (p = s; *p != '\0'; p++) {
		if (*p == '"' || *p == '\'' || *p == ';') {
			*p = '\0';
			break;
		}
		*p = (char)tolower((unsigned char)*p);
	}
	util_trim(s);
}

/* Choose the decoder for a label; 0, or -1 when iconv does not know it. */
static int
prepass_decoder(const char *label, struct prepass_charset *cs)
{
	iconv_t	 cd;
	size_t	 i;

	snprintf(cs->name, sizeof cs->name, "%s", label);
	if (strcmp(label, "utf-8") == 0 || strcmp(label, "utf8") == 0) {
		cs->decoder = PREPASS_UTF8;
		snprintf(cs->name, sizeof cs->name, "utf-8");
		return (0);
	}
	for (i = 0; i < UTIL_ARRLEN(prepass_latin1_labels); i++) {
		if (strcmp(label, prepass_latin1_labels[i]) == 0) {
			cs->decoder = PREPASS_CP1252;
			return (0);
		}
	}
	if (strcmp(label, "gb2312") == 0 || strcmp(label, "gbk") == 0 ||
	    strcmp(label, "x-gbk") == 0 || strcmp(label, "euc-cn") == 0)
		snprintf(cs->name, sizeof cs->name, "gb18030");
	snprintf(cs->iconv, sizeof cs->iconv, "%s", cs->name);
	if ((cd = iconv_open("UTF-8", cs->iconv)) == (iconv_t)-1)
		return (-1);
	iconv_close(cd);
	cs->decoder = PREPASS_ICONV;
	return (0);
}

/*
 * Pick the charset: byte order mark, then the HTTP header, then the XML
 * declaration, else UTF-8.  A label nobody knows counts as a repair.
 */
static void
prepass_charset(const char *data, size_t len, const char *http_charset,
    struct prepass_charset *cs, int *repaired)
{
	const char	*sniffed;
	char		 label[64];

	memset(cs, 0, sizeof *cs);
	label[0] = '\0';
	sniffed = prepass_sniff((const unsigned char *)data, len, &cs->skip);
	if (sniffed != NULL)
		snprintf(label, sizeof label, "%s", sniffed);
	else if (http_charset != NULL && *http_charset != '\0')
		snprintf(label, sizeof label, "%s", http_charset);
	else if (prepass_decl_encoding(data, len, label, sizeof label) != 0)
		label[0] = '\0';
	prepass_label(label);
	/* A declaration read as ASCII cannot be telling the truth here. */
	if (sniffed == NULL && (strncmp(label, "utf-16", 6) == 0 ||
	    strncmp(label, "utf-32", 6) == 0 || strcmp(label, "ucs-2") == 0))
		label[0] = '\0';
	if (*label == '\0')
		snprintf(label, sizeof label, "utf-8");
	if (prepass_decoder(label, cs) != 0) {
		*repaired = 1;
		prepass_decoder("utf-8", cs);
	}
}

/* Copy UTF-8 as it is; a byte that is not UTF-8 is read as windows-1252. */
static void
prepass_decode_utf8(const unsigned char *p, size_t len, struct buf *b,
    int *repaired, int *full)
{
	size_t		 i, run, n;
	uint32_t	 cp;

	for (i = 0; i < len && !*full;) {
		for (run = i; run < len; run += n) {
			if ((n = util_utf8_seq(p + run, len - run, &cp)) == 0)
				break;
		}
		if (run > i && buf_add(b, p + i, run - i) != 0)
			*full = 1;
		if (run < len) {
			if (buf_add_cp(b, prepass_cp1252_char(p[run])) != 0)
				*full = 1;
			*repaired = 1;
			run++;
		}
		i = run;
	}
}

static void
prepass_decode_cp1252(const unsigned char *p, size_t len, struct buf *b,
    int *full)
{
	size_t	 i;

	for (i = 0; i < len && !*full; i++) {
		if (p[i] < 0x80) {
			if (buf_addc(b, (char)p[i]) != 0)
				*full = 1;
		} else if (buf_add_cp(b, prepass_cp1252_char(p[i])) != 0)
			*full = 1;
	}
}

/* Convert with iconv; a byte it cannot read becomes U+FFFD. */
static void
prepass_decode_iconv(const char *p, size_t len, const char *charset,
    struct buf *b, int *repaired, int *full)
{
	iconv_t	 cd;
	char	 chunk[8192], *in = (char *)p, *o;
	size_t	 left = len, room, r;

	cd = iconv_open("UTF-8", charset);
	while (left > 0 && !*full) {
		o = chunk;
		room = sizeof chunk;
		r = iconv(cd, &in, &left, &o, &room);
		if (buf_add(b, chunk, (size_t)(o - chunk)) != 0)
			*full = 1;
		if (r != (size_t)-1 || errno == E2BIG)
			continue;
		*repaired = 1;
		if (buf_add_cp(b, 0xfffd) != 0)
			*full = 1;
		if (errno != EILSEQ)
			break;
		in++;
		left--;
	}
	iconv_close(cd);
}

/*
 * An entity or character reference at p (just after the '&'): 1 and its
 * code point for a character reference, 2 for a name (copied to name),
 * 0 when it is neither.  *end is set past the ';'.
 */
static int
prepass_ref(const char *p, const char *lim, char *name, uint32_t *cp,
    const char **end)
{
	const char	*q = p;
	uint64_t	 v = 0;
	size_t		 n;
	int		 hex;

	if (q < lim && *q == '#') {
		q++;
		hex = (q < lim && (*q == 'x' || *q == 'X'));
		q += hex;
		for (n = 0; q < lim && n < 10 && (hex ? isxdigit((unsigned
		    char)*q) : isdigit((unsigned char)*q)); q++, n++) {
			v = v * (hex ? 16 : 10) + (uint64_t)(isdigit((unsigned
			    char)*q) ? *q - '0' : (tolower((unsigned char)*q) -
			    'a' + 10));
		}
		if (n == 0 || q >= lim || *q != ';')
			return (0);
		*cp = v > 0x10ffff ? 0 : (uint32_t)v;
		*end = q + 1;
		return (1);
	}
	for (n = 0; q < lim && n < 32 && (isalnum((unsigned char)*q) ||
	    (n > 0 && (*q == '.' || *q == '-' || *q == '_'))); q++, n++)
		name[n] = *q;
	name[n] = '\0';
	if (n == 0 || n >= 32 || q >= lim || *q != ';' ||
	    !isalpha((unsigned char)name[0]))
		return (0);
	*end = q + 1;
	return (2);
}

/* May code point c appear in an XML document? */
static int
prepass_xml_char(uint32_t c)
{
	if (c < 0x20)
		return (c == '\t' || c == '\n' || c == '\r');
	if (c >= 0xd800 && c <= 0xdfff)
		return (0);
	return (c != 0xfffe && c != 0xffff && c <= 0x10ffff);
}

/* Write a character reference, reading C1 codes as windows-1252. */
static void
prepass_charref(struct prepass_state *st, uint32_t c)
{
	char	 s[16];

	if (c >= 0x80 && c < 0xa0)
		c = prepass_cp1252[c - 0x80];
	if (!prepass_xml_char(c)) {
		st->repaired = 1;
		return;
	}
	snprintf(s, sizeof s, "&#%u;", (unsigned)c);
	prepass_add(st, s, strlen(s));
}

/* Handle the '&' at p; returns where to go on. */
static const char *
prepass_amp(struct prepass_state *st, const char *p, const char *lim)
{
	const struct prepass_entity	*e;
	const char			*end;
	char				 name[33];
	uint32_t			 cp;

	switch (prepass_ref(p + 1, lim, name, &cp, &end)) {
	case 1:
		prepass_charref(st, cp);
		return (end);
	case 2:
		if (strcmp(name, "amp") == 0 || strcmp(name, "lt") == 0 ||
		    strcmp(name, "gt") == 0 || strcmp(name, "quot") == 0 ||
		    strcmp(name, "apos") == 0) {
			prepass_add(st, p, (size_t)(end - p));
			return (end);
		}
		e = bsearch(name, prepass_entities,
		    UTIL_ARRLEN(prepass_entities), sizeof *e,
		    prepass_entity_cmp);
		st->repaired = 1;
		if (e != NULL) {
			prepass_charref(st, e->code);
			return (end);
		}
		break;
	}
	st->repaired = 1;
	prepass_add(st, "&amp;", 5);
	return (p + 1);
}

#define PREPASS_ONES	0x0101010101010101ULL
#define PREPASS_HIGHS	0x8080808080808080ULL

/* Does the word hold a zero byte? */
static uint64_t
prepass_zero(uint64_t w)
{
	return ((w - PREPASS_ONES) & ~w & PREPASS_HIGHS);
}

/* Are the eight bytes at p all ASCII from 0x20 up: nothing to drop? */
static int
prepass_plain8(const unsigned char *p)
{
	uint64_t	 w;

	memcpy(&w, p, 8);
	return (((w | ((w - 0x2020202020202020ULL) & ~w)) & PREPASS_HIGHS) ==
	    0);
}

/* Are the eight bytes at p free of '<' and '&'? */
static int
prepass_text8(const char *p)
{
	uint64_t	 w;

	memcpy(&w, p, 8);
	return ((prepass_zero(w ^ 0x3c3c3c3c3c3c3c3cULL) |
	    prepass_zero(w ^ 0x2626262626262626ULL)) == 0);
}

/*
 * Copy p..q dropping what XML forbids (C0 controls, U+FFFE, U+FFFF) and
 * reading C1 controls as the windows-1252 characters they stand for.
 */
static void
prepass_copy(struct prepass_state *st, const char *p, const char *q)
{
	const unsigned char	*s = (const unsigned char *)p;
	const unsigned char	*e = (const unsigned char *)q, *run;

	while (s < e) {
		for (run = s; s < e; s++) {
			/* Eight plain bytes at a time while there are. */
			while (e - s >= 8 && prepass_plain8(s))
				s += 8;
			if (s >= e)
				break;
			if (*s < 0x20 && *s != '\t' && *s != '\n' && *s != '\r')
				break;
			if (*s == 0xef && e - s >= 3 && s[1] == 0xbf &&
			    (s[2] == 0xbe || s[2] == 0xbf))
				break;
			if (*s == 0xc2 && e - s >= 2 && s[1] < 0xa0)
				break;
		}
		if (s > run)
			prepass_add(st, run, (size_t)(s - run));
		if (s >= e)
			break;
		if (*s == 0xc2) {
			/* C1 controls are windows-1252 decoded as Latin-1. */
			if (buf_add_cp(st->out, prepass_cp1252_char(s[1])) != 0)
				st->full = 1;
			s += 2;
			continue;
		}
		st->repaired = 1;
		s += *s == 0xef ? 3 : 1;
	}
}

/*
 * End of a DOCTYPE at p: past its '>', skipping the internal subset with
 * its quoted strings and comments.
 */
static const char *
prepass_doctype_end(const char *p, const char *lim)
{
	int	 depth = 0;
	char	 quote = 0;

	for (; p < lim; p++) {
		if (quote == 0 && lim - p >= 4 && strncmp(p, "<!--", 4) == 0) {
			if ((p = util_find(p + 4, lim, "-->")) == NULL)
				return (lim);
			p += 2;
		} else if (quote != 0) {
			if (*p == quote)
				quote = 0;
		} else if (*p == '"' || *p == '\'')
			quote = *p;
		else if (*p == '[')
			depth++;
		else if (*p == ']' && depth > 0)
			depth--;
		else if (*p == '>' && depth == 0)
			return (p + 1);
	}
	return (lim);
}

/* A comment, CDATA section, DOCTYPE or declaration at p ("<!"). */
static const char *
prepass_bang(struct prepass_state *st, const char *p, const char *lim)
{
	const char	*q;
	size_t		 left = (size_t)(lim - p);

	if (left >= 4 && strncmp(p, "<!--", 4) == 0) {
		q = util_find(p + 4, lim, "-->");
		return (q == NULL ? lim : q + 3);
	}
	if (left >= 9 && strncmp(p, "<![CDATA[", 9) == 0) {
		q = util_find(p + 9, lim, "]]>");
		q = q == NULL ? lim : q + 3;
		prepass_copy(st, p, q);
		return (q);
	}
	if (left >= 9 && strncasecmp(p, "<!DOCTYPE", 9) == 0)
		return (prepass_doctype_end(p, lim));
	q = memchr(p, '>', left);
	st->repaired = 1;
	return (q == NULL ? lim : q + 1);
}

/* A processing instruction at p; the XML declaration is dropped. */
static const char *
prepass_pi(struct prepass_state *st, const char *p, const char *lim)
{
	const char	*q;

	q = util_find(p + 2, lim, "?>");
	q = q == NULL ? lim : q + 2;
	if (q - p >= 6 && strncmp(p, "<?xml", 5) == 0 &&
	    (isspace((unsigned char)p[5]) || p[5] == '?'))
		return (q);
	prepass_copy(st, p, q);
	return (q);
}

/* Markup at p ('<'); a '<' that opens nothing becomes "&lt;". */
static const char *
prepass_markup(struct prepass_state *st, const char *p, const char *lim)
{
	unsigned char	 c = p + 1 < lim ? (unsigned char)p[1] : 0;

	if (c == '!')
		return (prepass_bang(st, p, lim));
	if (c == '?')
		return (prepass_pi(st, p, lim));
	if (c == '/' || isalpha(c) || c == '_' || c == ':' || c >= 0x80) {
		if (st->last_gt == NULL || p > st->last_gt)
			st->repaired = 1;	/* the tag never ends */
		prepass_add(st, "<", 1);
		return (p + 1);
	}
	st->repaired = 1;
	prepass_add(st, "&lt;", 4);
	return (p + 1);
}

/* The lexical pass over valid UTF-8; the output starts at markup. */
static void
prepass_lex(struct prepass_state *st, const char *p, const char *lim)
{
	const char	*q;

	for (q = lim; q > p && q[-1] != '>'; q--)
		;
	st->last_gt = q > p ? q - 1 : NULL;
	while (p < lim && !st->full) {
		if (st->out->len == 0) {
			while (p < lim && isspace((unsigned char)*p))
				p++;
		}
		for (q = p; q < lim && *q != '<' && *q != '&'; q++) {
			while (lim - q >= 9 && prepass_text8(q + 1))
				q += 8;
		}
		prepass_copy(st, p, q);
		if (q >= lim)
			break;
		if (*q == '<')
			p = prepass_markup(st, q, lim);
		else
			p = prepass_amp(st, q, lim);
	}
}

int
prepass_run(const char *data, size_t len, const char *http_charset,
    struct buf *out, struct prepass_result *res, char **cause)
{
	struct prepass_charset	 cs;
	struct prepass_state	 st;
	struct buf		 utf8;
	const char		*p;
	int			 full = 0;

	memset(res, 0, sizeof *res);
	memset(&st, 0, sizeof st);
	st.out = out;
	prepass_charset(data, len, http_charset, &cs, &st.repaired);
	snprintf(res->encoding, sizeof res->encoding, "%s", cs.name);
	p = data + cs.skip;
	len -= cs.skip;
	buf_init(&utf8, out->limit);
	if (cs.decoder == PREPASS_UTF8 && util_utf8_valid(p, len)) {
		/* Nothing to convert: no copy. */
		prepass_lex(&st, p, p + len);
	} else {
		if (cs.decoder == PREPASS_UTF8)
			prepass_decode_utf8((const unsigned char *)p, len,
			    &utf8, &st.repaired, &full);
		else if (cs.decoder == PREPASS_CP1252)
			prepass_decode_cp1252((const unsigned char *)p, len,
			    &utf8, &full);
		else
			prepass_decode_iconv(p, len, cs.iconv, &utf8,
			    &st.repaired, &full);
		if (!full)
			prepass_lex(&st, utf8.data, utf8.data + utf8.len);
	}
	buf_free(&utf8);
	res->repaired = st.repaired;
	if (full || st.full) {
		*cause = xasprintf("the feed is too large: it passes the "
		    "limit of %zu bytes once converted to UTF-8", out->limit);
		return (-1);
	}
	return (0);
}
