/*
 * Writing JSON objects for --json output: strings escaped per RFC 8259,
 * dates as ISO 8601 UTC or null, string lists as arrays.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "date.h"
#include "json.h"

void
json_string(struct buf *b, const char *s)
{
	const unsigned char	*p;
	char			 esc[8];

	if (s == NULL) {
		buf_adds(b, "null");
		return;
	}
	buf_addc(b, '"');
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		switch (*p) {
		case '"':
			buf_adds(b, "\\\"");
			break;
		case '\\':
			buf_adds(b, "\\\\");
			break;
		case '\n':
			buf_adds(b, "\\n");
			break;
		case '\t':
			buf_adds(b, "\\t");
			break;
		case '\r':
			buf_adds(b, "\\r");
			break;
		default:
			if (*p < 0x20 || *p == 0x7f) {
				snprintf(esc, sizeof esc, "\\u%04x", *p);
				buf_adds(b, esc);
			} else
				buf_addc(b, (char)*p);
		}
	}
	buf_addc(b, '"');
}

/* Start a member: a comma unless it is the first, then "key":. */
void
json_key(struct buf *b, int *first, const char *key)
{
	if (!*first)
		buf_addc(b, ',');
	*first = 0;
	json_string(b, key);
	buf_addc(b, ':');
}

void
json_key_string(struct buf *b, int *first, const char *key, const char *s)
{
	json_key(b, first, key);
	json_string(b, s);
}

void
json_key_int(struct buf *b, int *first, const char *key, int64_t v)
{
	json_key(b, first, key);
	buf_printf(b, "%lld", (long long)v);
}

void
json_key_bool(struct buf *b, int *first, const char *key, int v)
{
	json_key(b, first, key);
	buf_adds(b, v ? "true" : "false");
}

void
json_key_date(struct buf *b, int *first, const char *key, int64_t t)
{
	char	 iso[32];

	json_key(b, first, key);
	if (t == DATE_NONE) {
		buf_adds(b, "null");
		return;
	}
	date_format_iso(t, iso, sizeof iso);
	json_string(b, iso);
}

void
json_key_strings(struct buf *b, int *first, const char *key, char **v,
    size_t n)
{
	size_t	 i;

	json_key(b, first, key);
	buf_addc(b, '[');
	for (i = 0; i < n; i++) {
		if (i != 0)
			buf_addc(b, ',');
		json_string(b, v[i]);
	}
	buf_addc(b, ']');
}
