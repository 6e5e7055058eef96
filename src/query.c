/*
 * The query language: a recursive-descent parser over a small lexer.
 * Grammar: or := and ("OR" and)*; and := unary (["AND"] unary)*;
 * unary := ("NOT" | "-") unary | "(" or ")" | term.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <utf8proc.h>

#include "date.h"
#include "query.h"
#include "util.h"

#define QUERY_DEPTH_MAX	64	/* nested parentheses and NOTs */
#define QUERY_AGE_MAX	100000	/* in units of date:Nu */

enum query_token {
	TOK_END,
	TOK_OPEN,
	TOK_CLOSE,
	TOK_OR,
	TOK_AND,
	TOK_NOT,
	TOK_MINUS,
	TOK_TERM
};

struct query_parser {
	const char		*s;
	size_t			 pos;	/* where the next token starts */
	enum query_token	 tok;
	size_t			 start;	/* the current token's bytes */
	size_t			 len;
	int			 depth;
	char			*error;
};

static const char *query_field_names[] = {
	"title", "author", "feed", "tag", "is", "has", "after", "before",
	"date", "id"
};

static const char *query_state_names[] = {
	[QUERY_UNREAD] = "unread",
	[QUERY_READ] = "read",
	[QUERY_STARRED] = "starred",
	[QUERY_ARCHIVED] = "archived",
	[QUERY_HIDDEN] = "hidden",
	[QUERY_DOWNLOADED] = "downloaded"
};

static struct query	*query_or(struct query_parser *);

/* The 1-based column, in characters, of byte offset pos. */
static size_t
query_column(const struct query_parser *p, size_t pos)
{
	size_t	 i, column = 1;

	for (i = 0; i < pos && p->s[i] != '\0'; i++) {
		if (((unsigned char)p->s[i] & 0xc0) != 0x80)
			column++;
	}
	return (column);
}

/*
 * Keep the first error, with " at column N" added after the words and
 * before a hint in parentheses; returns NULL.
 */
static struct query *
query_error(struct query_parser *p, size_t pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static struct query *
query_error(struct query_parser *p, size_t pos, const char *fmt, ...)
{
	va_list	 ap;
	char	*what, *hint;

	if (p->error != NULL)
		return (NULL);
	va_start(ap, fmt);
	what = xvasprintf(fmt, ap);
	va_end(ap);
	if ((hint = strstr(what, " (")) != NULL)
		*hint++ = '\0';
	p->error = xasprintf("query: %s at column %zu%s%s", what,
	    query_column(p, pos), hint != NULL ? " " : "",
	    hint != NULL ? hint : "");
	free(what);
	return (NULL);
}

static int
query_delimiter(char c)
{
	return (c == '\0' || c == ' ' || c == '\t' || c == '\n' ||
	    c == '\r' || c == '(' || c == ')');
}

/* Bytes of the "field:" opening a term at s, or 0 if there is none. */
static size_t
query_field_length(const char *s)
{
	size_t	 n = 0;

	while (isalpha((unsigned char)s[n]))
		n++;
	return (n > 0 && s[n] == ':' ? n + 1 : 0);
}

/* The length of the term at s: field, then a quoted part or a word. */
static int
query_term_length(struct query_parser *p, const char *s, size_t *len)
{
	const char	*q;
	size_t		 n;

	n = query_field_length(s);
	if (s[n] == '"') {
		if ((q = strchr(s + n + 1, '"')) == NULL) {
			query_error(p, p->start + n, "the quote is not closed "
			    "(add a \" after the phrase)");
			return (-1);
		}
		n = (size_t)(q - s) + 1;
	}
	while (!query_delimiter(s[n]))
		n++;
	*len = n;
	return (0);
}

static int
query_word_is(const struct query_parser *p, const char *word)
{
	return (p->len == strlen(word) &&
	    memcmp(p->s + p->start, word, p->len) == 0);
}

/* Does s hold a letter or a digit in its first len bytes? */
static int
query_has_word(const char *s, size_t len)
{
	const utf8proc_uint8_t	*u = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t	 c;
	utf8proc_ssize_t	 n, left = (utf8proc_ssize_t)len;
	utf8proc_category_t	 cat;

	for (; left > 0; u += n, left -= n) {
		if ((n = utf8proc_iterate(u, left, &c)) < 0)
			return (1);
		cat = utf8proc_category(c);
		if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO)
			return (1);
	}
	return (0);
}

/*
 * Lex a term, a keyword, or (as TOK_END with a length, to be skipped)
 * a bare word without letters or digits.
 */
static int
query_lex_term(struct query_parser *p, const char *s)
{
	if (query_term_length(p, s, &p->len) != 0)
		return (-1);
	p->tok = TOK_TERM;
	if (query_word_is(p, "OR"))
		p->tok = TOK_OR;
	else if (query_word_is(p, "AND"))
		p->tok = TOK_AND;
	else if (query_word_is(p, "NOT"))
		p->tok = TOK_NOT;
	else if (*s != '"' && query_field_length(s) == 0 &&
	    !query_has_word(s, p->len))
		p->tok = TOK_END;
	return (0);
}

/*
 * Move to the next token; -1 with p->error set on a bad one.  Bare
 * words without a letter or digit ("&", a lone "-") are skipped: no
 * index holds them.
 */
static int
query_next(struct query_parser *p)
{
	const char	*s = p->s;
	size_t		 i = p->pos;

	for (;;) {
		while (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
		    s[i] == '\r')
			i++;
		p->start = i;
		p->len = 1;
		if (s[i] == '\0') {
			p->tok = TOK_END;
			p->len = 0;
		} else if (s[i] == '(')
			p->tok = TOK_OPEN;
		else if (s[i] == ')')
			p->tok = TOK_CLOSE;
		else if (s[i] == '-' && !query_delimiter(s[i + 1]))
			p->tok = TOK_MINUS;
		else if (query_lex_term(p, s + i) != 0)
			return (-1);
		if (p->tok != TOK_END || p->len == 0)
			break;
		i += p->len;
	}
	p->pos = p->start + p->len;
	return (0);
}

static struct query *
query_new(enum query_kind kind, size_t column)
{
	struct query	*q;

	q = xcalloc(1, sizeof *q);
	q->kind = kind;
	q->column = column;
	q->from = INT64_MIN;
	q->to = INT64_MAX;
	return (q);
}

static void
query_add(struct query *q, struct query *child)
{
	q->children = xreallocarray(q->children, q->nchildren + 1,
	    sizeof *q->children);
	q->children[q->nchildren++] = child;
}

void
query_free(struct query *q)
{
	size_t	 i;

	if (q == NULL)
		return;
	for (i = 0; i < q->nchildren; i++)
		query_free(q->children[i]);
	free(q->children);
	free(q->text);
	free(q);
}

/* Midnight local time starting y-m-d (m, d from 1; may overflow up). */
static int64_t
query_midnight(int y, int m, int d)
{
	struct tm	 tm;

	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_isdst = -1;
	return ((int64_t)mktime(&tm));
}

static int
query_days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return (29);
	return (days[m - 1]);
}

/* Read YYYY, YYYY-MM or YYYY-MM-DD as the local period [from, to). */
static int
query_date_period(const char *v, int64_t *from, int64_t *to)
{
	int	 y, m = 0, d = 0;
	size_t	 len = strlen(v), i;

	if (len != 4 && len != 7 && len != 10)
		return (-1);
	for (i = 0; i < len; i++) {
		if ((i == 4 || i == 7) ? v[i] != '-' :
		    !isdigit((unsigned char)v[i]))
			return (-1);
	}
	y = atoi(v);
	if (len >= 7)
		m = atoi(v + 5);
	if (len == 10)
		d = atoi(v + 8);
	if (y < 1970 || y > 9999 || (len >= 7 && (m < 1 || m > 12)) ||
	    (len == 10 && (d < 1 || d > query_days_in_month(y, m))))
		return (-1);
	if (len == 4) {
		*from = query_midnight(y, 1, 1);
		*to = query_midnight(y + 1, 1, 1);
	} else if (len == 7) {
		*from = query_midnight(y, m, 1);
		*to = query_midnight(y, m + 1, 1);
	} else {
		*from = query_midnight(y, m, d);
		*to = query_midnight(y, m, d + 1);
	}
	return (0);
}

/* Read an age like 7d, 2w, 3m, 1y or 12h as seconds. */
static int
query_age(const char *v, int64_t *ago)
{
	char		*end;
	long		 n;
	int64_t		 unit;

	if (!isdigit((unsigned char)*v))
		return (-1);
	errno = 0;
	n = strtol(v, &end, 10);
	if (errno != 0 || n < 1 || n > QUERY_AGE_MAX || end[0] == '\0' ||
	    end[1] != '\0')
		return (-1);
	switch (*end) {
	case 'h':
		unit = 3600;
		break;
	case 'd':
		unit = 86400;
		break;
	case 'w':
		unit = 7 * 86400;
		break;
	case 'm':
		unit = 30 * 86400;
		break;
	case 'y':
		unit = 365 * 86400;
		break;
	default:
		return (-1);
	}
	*ago = (int64_t)n * unit;
	return (0);
}

/* after:, before: and date: values. */
static struct query *
query_date(struct query_parser *p, const char *field, const char *v,
    size_t pos)
{
	struct query	*q;
	int64_t		 from, to, ago;

	q = query_new(QUERY_DATE, query_column(p, pos));
	if (strcmp(field, "date") == 0 && query_age(v, &ago) == 0) {
		q->ago = ago;
		return (q);
	}
	if (query_date_period(v, &from, &to) != 0) {
		free(q);
		if (strcmp(field, "date") == 0)
			return (query_error(p, pos, "\"date:\" wants an age "
			    "like 7d, 2w, 3m or 1y, or a date like 2026-11-01, "
			    "not \"%s\"", v));
		return (query_error(p, pos, "\"%s:\" wants a date like "
		    "2026-11-01, not \"%s\"", field, v));
	}
	if (strcmp(field, "after") == 0)
		q->from = from;
	else if (strcmp(field, "before") == 0)
		q->to = from;
	else {
		q->from = from;
		q->to = to;
	}
	return (q);
}

static struct query *
query_is(struct query_parser *p, const char *v, size_t pos)
{
	struct query	*q;
	size_t		 i;

	for (i = 0; i < UTIL_ARRLEN(query_state_names); i++) {
		if (util_streq_nocase(v, query_state_names[i])) {
			q = query_new(QUERY_IS, query_column(p, pos));
			q->state = (enum query_state)i;
			return (q);
		}
	}
	return (query_error(p, pos, "unknown state \"is:%s\" (try is:unread, "
	    "is:read, is:starred, is:archived, is:downloaded or is:hidden)",
	    v));
}

/* has:enclosure, the one thing an item can have for now. */
static struct query *
query_has(struct query_parser *p, const char *v, size_t pos)
{
	struct query	*q;

	if (!util_streq_nocase(v, "enclosure"))
		return (query_error(p, pos, "unknown \"has:%s\" (try "
		    "has:enclosure)", v));
	q = query_new(QUERY_IS, query_column(p, pos));
	q->state = QUERY_ENCLOSURE;
	return (q);
}

static struct query *
query_id(struct query_parser *p, const char *v, size_t pos)
{
	struct query	*q;
	long long	 id;
	char		*end;

	errno = 0;
	id = strtoll(v, &end, 10);
	if (!isdigit((unsigned char)*v) || *end != '\0' || errno != 0 ||
	    id <= 0)
		return (query_error(p, pos, "\"id:\" wants an item number "
		    "like id:42, not \"%s\"", v));
	q = query_new(QUERY_ID, query_column(p, pos));
	q->id = id;
	return (q);
}

/* Full text: a word, word*, "a phrase" or "a phrase"*. */
static struct query *
query_text(struct query_parser *p, enum query_field field, const char *v,
    size_t pos)
{
	struct query	*q;
	size_t		 len = strlen(v);
	int		 phrase = 0, prefix = 0;

	if (len > 0 && v[len - 1] == '*') {
		prefix = 1;
		len--;
	}
	if (len >= 2 && v[0] == '"' && v[len - 1] == '"') {
		phrase = 1;
		v++;
		len -= 2;
	} else if (v[0] == '"')
		return (query_error(p, pos, "unexpected text after the closing "
		    "quote (leave a space after it)"));
	if (len == 0 || (len == 1 && *v == '*'))
		return (query_error(p, pos, "an empty phrase has nothing to "
		    "search for"));
	q = query_new(QUERY_TEXT, query_column(p, pos));
	q->text = xstrndup(v, len);
	q->field = field;
	q->phrase = phrase;
	q->prefix = prefix;
	return (q);
}

/* A value that may be quoted, without its quotes. */
static char *
query_unquote(const char *v)
{
	size_t	 len = strlen(v);

	if (len >= 2 && v[0] == '"' && v[len - 1] == '"')
		return (xstrndup(v + 1, len - 2));
	return (xstrdup(v));
}

static struct query *
query_named(struct query_parser *p, enum query_kind kind, const char *v,
    size_t pos)
{
	struct query	*q;
	char		*name, *why = NULL;

	name = query_unquote(v);
	if (kind == QUERY_TAG && query_tag_valid(name, &why) != 0) {
		query_error(p, pos, "tag:%s: %s", v, why);
		free(why);
		free(name);
		return (NULL);
	}
	if (*name == '\0') {
		free(name);
		return (query_error(p, pos, "\"%s\" needs a value", v));
	}
	q = query_new(kind, query_column(p, pos));
	q->text = name;
	return (q);
}

/* A term with a field: name (without ':') and value are NUL-terminated. */
static struct query *
query_field(struct query_parser *p, const char *name, const char *v,
    size_t pos)
{
	if (*v == '\0')
		return (query_error(p, pos, "\"%s:\" needs a value right "
		    "after the colon", name));
	if (strcmp(name, "title") == 0)
		return (query_text(p, QUERY_TITLE, v, pos));
	if (strcmp(name, "author") == 0)
		return (query_text(p, QUERY_AUTHOR, v, pos));
	if (strcmp(name, "feed") == 0)
		return (query_named(p, QUERY_FEED, v, pos));
	if (strcmp(name, "tag") == 0)
		return (query_named(p, QUERY_TAG, v, pos));
	if (strcmp(name, "is") == 0)
		return (query_is(p, v, pos));
	if (strcmp(name, "has") == 0)
		return (query_has(p, v, pos));
	if (strcmp(name, "id") == 0)
		return (query_id(p, v, pos));
	return (query_date(p, name, v, pos));
}

static int
query_known_field(const char *name)
{
	size_t	 i;

	for (i = 0; i < UTIL_ARRLEN(query_field_names); i++) {
		if (strcmp(name, query_field_names[i]) == 0)
			return (1);
	}
	return (0);
}

/* The current TOK_TERM as a leaf. */
static struct query *
query_term(struct query_parser *p)
{
	struct query	*q = NULL;
	char		*term, *name;
	size_t		 flen, i;

	term = xstrndup(p->s + p->start, p->len);
	if ((flen = query_field_length(term)) == 0)
		q = query_text(p, QUERY_ANY, term, p->start);
	else {
		name = xstrndup(term, flen - 1);
		for (i = 0; name[i] != '\0'; i++)
			name[i] = (char)tolower((unsigned char)name[i]);
		if (!query_known_field(name))
			query_error(p, p->start, "unknown field \"%s:\" (fields "
			    "are title: author: feed: tag: is: has: after: "
			    "before: date: id:; put a word with a colon in "
			    "quotes)",
			    name);
		else
			q = query_field(p, name, term + flen, p->start);
		free(name);
	}
	free(term);
	return (q);
}

static int
query_ends_term(enum query_token tok)
{
	return (tok == TOK_END || tok == TOK_CLOSE || tok == TOK_OR ||
	    tok == TOK_AND);
}

static struct query *
query_group(struct query_parser *p)
{
	struct query	*q;
	size_t		 open = p->start;

	if (query_next(p) != 0)
		return (NULL);
	if (p->tok == TOK_CLOSE)
		return (query_error(p, open, "empty parentheses"));
	if ((q = query_or(p)) == NULL)
		return (NULL);
	if (p->tok != TOK_CLOSE) {
		query_free(q);
		return (query_error(p, open, "unbalanced parenthesis (this "
		    "one is never closed)"));
	}
	if (query_next(p) != 0) {
		query_free(q);
		return (NULL);
	}
	return (q);
}

static struct query *
query_unary(struct query_parser *p)
{
	struct query	*q, *child;
	size_t		 at = p->start;
	int		 minus = p->tok == TOK_MINUS;

	if (p->depth++ > QUERY_DEPTH_MAX)
		return (query_error(p, at, "the query nests too deeply"));
	if (p->tok == TOK_OPEN)
		q = query_group(p);
	else if (p->tok == TOK_TERM) {
		q = query_term(p);
		if (q != NULL && query_next(p) != 0) {
			query_free(q);
			q = NULL;
		}
	} else if (p->tok == TOK_NOT || p->tok == TOK_MINUS) {
		if (query_next(p) != 0)
			return (NULL);
		if (query_ends_term(p->tok))
			return (query_error(p, at, "\"%s\" needs a term after "
			    "it", minus ? "-" : "NOT"));
		if ((child = query_unary(p)) == NULL)
			return (NULL);
		q = query_new(QUERY_NOT, query_column(p, at));
		query_add(q, child);
	} else
		q = query_error(p, at, "unexpected \"%.*s\"", (int)p->len,
		    p->s + p->start);
	p->depth--;
	return (q);
}

/* Fold a list of one into its child. */
static struct query *
query_fold(struct query *q)
{
	struct query	*child;

	if (q->nchildren != 1)
		return (q);
	child = q->children[0];
	free(q->children);
	free(q);
	return (child);
}

static struct query *
query_and(struct query_parser *p)
{
	struct query	*q, *child;
	size_t		 at;

	q = query_new(QUERY_AND, query_column(p, p->start));
	while (p->tok != TOK_END && p->tok != TOK_CLOSE && p->tok != TOK_OR) {
		if (p->tok == TOK_AND) {
			at = p->start;
			if (q->nchildren == 0 || query_next(p) != 0 ||
			    query_ends_term(p->tok)) {
				query_free(q);
				return (query_error(p, at, "\"AND\" needs a "
				    "term on each side"));
			}
		}
		if ((child = query_unary(p)) == NULL) {
			query_free(q);
			return (NULL);
		}
		query_add(q, child);
	}
	if (q->nchildren == 0) {
		query_free(q);
		return (NULL);
	}
	return (query_fold(q));
}

static struct query *
query_or(struct query_parser *p)
{
	struct query	*q, *child;
	size_t		 at = p->start;

	q = query_new(QUERY_OR, query_column(p, p->start));
	for (;;) {
		if ((child = query_and(p)) == NULL) {
			query_free(q);
			if (p->error == NULL && p->tok == TOK_OR)
				query_error(p, p->start, "\"OR\" needs a term "
				    "on each side");
			else if (p->error == NULL)
				query_error(p, at, "\"OR\" needs a term on "
				    "each side");
			return (NULL);
		}
		query_add(q, child);
		if (p->tok != TOK_OR)
			break;
		at = p->start;
		if (query_next(p) != 0) {
			query_free(q);
			return (NULL);
		}
	}
	return (query_fold(q));
}

int
query_parse(const char *text, struct query **out, char **cause)
{
	struct query_parser	 p;
	struct query		*q = NULL;

	*out = NULL;
	memset(&p, 0, sizeof p);
	p.s = text;
	if (query_next(&p) != 0)
		goto out;
	if (p.tok == TOK_END)
		return (0);
	if (p.tok == TOK_CLOSE) {
		query_error(&p, p.start, "unbalanced parenthesis (nothing "
		    "to close)");
		goto out;
	}
	if ((q = query_or(&p)) == NULL)
		goto out;
	if (p.tok == TOK_CLOSE) {
		query_free(q);
		q = NULL;
		query_error(&p, p.start, "unbalanced parenthesis (nothing "
		    "to close)");
	}
out:
	if (q == NULL) {
		*cause = p.error != NULL ? p.error :
		    xstrdup("query: it could not be read");
		return (-1);
	}
	*out = q;
	return (0);
}

int
query_mentions(const struct query *q, enum query_state state)
{
	size_t	 i;

	if (q == NULL)
		return (0);
	if (q->kind == QUERY_IS && q->state == state)
		return (1);
	for (i = 0; i < q->nchildren; i++) {
		if (query_mentions(q->children[i], state))
			return (1);
	}
	return (0);
}

int
query_tag_valid(const char *name, char **cause)
{
	const utf8proc_uint8_t	*s = (const utf8proc_uint8_t *)name;
	utf8proc_int32_t	 c;
	utf8proc_ssize_t	 n, len = (utf8proc_ssize_t)strlen(name);
	utf8proc_category_t	 cat;

	if (len == 0 || len > QUERY_TAG_MAX) {
		*cause = xasprintf("a tag name has 1 to %d bytes",
		    QUERY_TAG_MAX);
		return (-1);
	}
	if (*name == '+' || *name == '-') {
		*cause = xstrdup("a tag name cannot start with + or -");
		return (-1);
	}
	for (; len > 0; s += n, len -= n) {
		if ((n = utf8proc_iterate(s, len, &c)) < 0) {
			*cause = xstrdup("a tag name must be valid UTF-8");
			return (-1);
		}
		cat = utf8proc_category(c);
		if (cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL ||
		    cat == UTF8PROC_CATEGORY_ZP || cat == UTF8PROC_CATEGORY_CC ||
		    cat == UTF8PROC_CATEGORY_CF || c == '"' || c == '(' ||
		    c == ')') {
			*cause = xstrdup("a tag name cannot hold spaces, "
			    "control characters, quotes or parentheses");
			return (-1);
		}
	}
	return (0);
}

static void
query_print_date(struct buf *b, int64_t t)
{
	char	 iso[32];

	if (t == INT64_MIN || t == INT64_MAX) {
		buf_adds(b, " -");
		return;
	}
	date_format_iso(t, iso, sizeof iso);
	buf_printf(b, " %s", iso);
}

static void
query_print_leaf(struct buf *b, const struct query *q)
{
	static const char *fields[] = { "", " title", " author" };

	switch (q->kind) {
	case QUERY_TEXT:
		buf_printf(b, "(%s%s \"%s\")", q->prefix ? "prefix" :
		    q->phrase ? "phrase" : "word", fields[q->field], q->text);
		break;
	case QUERY_FEED:
		buf_printf(b, "(feed \"%s\")", q->text);
		break;
	case QUERY_TAG:
		buf_printf(b, "(tag \"%s\")", q->text);
		break;
	case QUERY_IS:
		if (q->state == QUERY_ENCLOSURE)
			buf_adds(b, "(has enclosure)");
		else
			buf_printf(b, "(is %s)", query_state_names[q->state]);
		break;
	case QUERY_ID:
		buf_printf(b, "(id %lld)", (long long)q->id);
		break;
	default:
		if (q->ago > 0) {
			buf_printf(b, "(within %llds)", (long long)q->ago);
			break;
		}
		buf_adds(b, "(date");
		query_print_date(b, q->from);
		query_print_date(b, q->to);
		buf_addc(b, ')');
		break;
	}
}

static void
query_print_to(struct buf *b, const struct query *q)
{
	size_t	 i;

	if (q->kind != QUERY_AND && q->kind != QUERY_OR &&
	    q->kind != QUERY_NOT) {
		query_print_leaf(b, q);
		return;
	}
	buf_adds(b, q->kind == QUERY_AND ? "(and" : q->kind == QUERY_OR ?
	    "(or" : "(not");
	for (i = 0; i < q->nchildren; i++) {
		buf_addc(b, ' ');
		query_print_to(b, q->children[i]);
	}
	buf_addc(b, ')');
}

char *
query_print(const struct query *q)
{
	struct buf	 b;

	buf_init(&b, 0);
	if (q == NULL)
		buf_adds(&b, "(all)");
	else
		query_print_to(&b, q);
	return (buf_steal(&b));
}

int
query_filter_parse(struct query_filter *qf, const char *text)
{
	memset(qf, 0, sizeof *qf);
	qf->text = xstrdup(text);
	if (query_parse(qf->text, &qf->query, &qf->error) != 0)
		return (-1);
	qf->f.query = qf->query;
	return (0);
}

int
query_filter_words(struct query_filter *qf, int argc, char *const *argv)
{
	struct buf	 text;
	int		 i, rc;

	buf_init(&text, 0);
	for (i = 0; i < argc; i++) {
		if (i > 0)
			buf_addc(&text, ' ');
		buf_adds(&text, argv[i]);
	}
	rc = query_filter_parse(qf, text.data);
	buf_free(&text);
	return (rc);
}

void
query_filter_free(struct query_filter *qf)
{
	query_free(qf->query);
	free(qf->text);
	free(qf->error);
	memset(qf, 0, sizeof *qf);
}

int
query_tags_word(struct query_tags *t, const char *word, int bare_adds,
    char **cause)
{
	char	***list, *why = NULL;
	size_t	  *n;
	int	   sign = 0, remove = (*word == '-');

	if (*word == '+' || *word == '-')
		sign = *word++;
	else if (!bare_adds)
		return (1);
	if (query_tag_valid(word, &why) != 0) {
		*cause = sign != 0 ? xasprintf("\"%c%s\" is not a tag: %s",
		    sign, word, why) : xasprintf("\"%s\" is not a tag: %s",
		    word, why);
		free(why);
		return (-1);
	}
	list = remove ? &t->remove : &t->add;
	n = remove ? &t->nremove : &t->nadd;
	*list = xreallocarray(*list, *n + 1, sizeof **list);
	(*list)[(*n)++] = xstrdup(word);
	return (0);
}

void
query_tags_free(struct query_tags *t)
{
	size_t	 i;

	for (i = 0; i < t->nadd; i++)
		free(t->add[i]);
	for (i = 0; i < t->nremove; i++)
		free(t->remove[i]);
	free(t->add);
	free(t->remove);
	memset(t, 0, sizeof *t);
}
